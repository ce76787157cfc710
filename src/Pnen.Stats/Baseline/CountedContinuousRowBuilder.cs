using Pnen.Stats.Descriptive;
using Pnen.Stats.Hypothesis;

namespace Pnen.Stats.Baseline;

/// <summary>A continuous row from counts of each distinct value per group (see
/// <see cref="BaselineTableBuilder.BuildFromCounts"/>); the test rule is <see cref="ContinuousRowBuilder"/>'s.</summary>
internal static class CountedContinuousRowBuilder
{
    public static BaselineRow Build(ValueCounts variable, AnalysedGroups groups, BaselineTableOptions options)
    {
        if (variable.Values.Length != groups.Count || variable.Counts.Length != groups.Count || variable.Missing.Length != groups.Count)
        {
            throw new ArgumentException($"{variable.Name}: one set of values, counts and missing values per group is needed", nameof(variable));
        }
        var sample = CountedSample.From(variable.Values, variable.Counts);
        var summaries = new GroupSummary[groups.Count];
        for (var g = 0; g < groups.Count; g++) summaries[g] = Summarise(groups.Labels[g], variable.Values[g], variable.Counts[g], variable.Missing[g]);
        var missing = variable.Missing.Sum();
        var n = sample.N;
        var constant = n > 0 && sample.IsConstant();
        var notes = new List<string>();
        NormalityResult? normality = null;
        if (n > 0 && !constant)
        {
            // Shapiro-Wilk on the values the counts stand for, only where it is defined (at most 5,000 of them).
            var sw = n > ShapiroWilkTest.MaximumN ? ShapiroWilkTest.OutOfRange(n) : ShapiroWilkTest.Test(Expand(sample.Pooled, sample.PooledCounts));
            normality = ContinuousRowBuilder.Normality(sw, notes);
        }

        var row = new BaselineRow
        {
            Variable = variable.Name,
            Kind = VariableKind.Continuous,
            Normality = normality,
            Missing = missing,
            MissingCounts = [.. variable.Missing],
            Summary = [.. summaries],
            Overall = Summarise(ContinuousRowBuilder.OverallLabel, sample.Pooled, sample.PooledCounts, missing),
            Notes = [],
        };
        if (options.IncludeP)
        {
            // CountedSample numbers the groups with values 0..k-1; the two-sample test takes them in that order.
            var used = Enumerable.Range(0, groups.Count).Where(g => variable.Values[g].Length > 0).ToArray();
            row = ContinuousRowBuilder.WithTest(row, groups, used, n, constant, options, notes, new ContinuousRowBuilder.RowTests(
                choice => choice switch
                {
                    ContinuousTestChoice.Anova => OneWayAnova.Test(sample),
                    ContinuousTestChoice.Welch => WelchAnova.Test(sample),
                    _ => KruskalWallisTest.Test(sample),
                },
                (_, _) => MannWhitneyTest.Test(sample)));
        }
        if (options.IncludeSmd) row = row with { Smd = ContinuousRowBuilder.Smd(summaries, notes) };
        return row with { Notes = [.. notes] };
    }

    /// <summary>n, mean (R's refined mean), SD, type-7 quartiles and median, range, from ascending
    /// distinct values and their counts.</summary>
    private static GroupSummary Summarise(string label, double[] values, long[] counts, int missing)
    {
        var n = counts.Sum();
        if (n == 0) return new GroupSummary { Group = label, N = 0, Missing = missing };
        var sum = 0.0;
        for (var i = 0; i < values.Length; i++) sum += counts[i] * values[i];
        var mean = sum / n;
        var correction = 0.0;
        for (var i = 0; i < values.Length; i++) correction += counts[i] * (values[i] - mean);
        mean += correction / n;
        double? sd = null;
        if (n > 1)
        {
            var ss = 0.0;
            for (var i = 0; i < values.Length; i++) ss += counts[i] * ((values[i] - mean) * (values[i] - mean));
            sd = Math.Sqrt(ss / (n - 1));
        }
        var sorted = new OrderStatistics(values, counts);
        return new GroupSummary
        {
            Group = label,
            N = checked((int)n),
            Mean = mean,
            Sd = sd,
            Median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2,
            Q1 = Type7(sorted, n, 0.25),
            Q3 = Type7(sorted, n, 0.75),
            Min = values[0],
            Max = values[^1],
            Missing = missing,
        };
    }

    /// <summary><see cref="Quantiles.Type7"/> on the sorted values the counts stand for, written as it is.</summary>
    private static double Type7(OrderStatistics sorted, long n, double p)
    {
        var index = 1 + (n - 1) * p;
        var lo = (long)Math.Floor(index);
        var hi = (long)Math.Ceiling(index);
        var q = sorted[lo - 1];
        var h = index - lo;
        return index > lo && sorted[hi - 1] != q ? (1 - h) * q + h * sorted[hi - 1] : q;
    }

    private static double[] Expand(double[] values, long[] counts)
    {
        var all = new double[counts.Sum()];
        for (int i = 0, at = 0; i < values.Length; i++)
        {
            for (var c = 0L; c < counts[i]; c++) all[at++] = values[i];
        }
        return all;
    }

    /// <summary>The k-th (0-based) of the sorted values that ascending distinct values and counts stand for.</summary>
    private sealed class OrderStatistics(double[] values, long[] counts)
    {
        private readonly long[] _end = Ends(counts);

        public double this[long k]
        {
            get
            {
                var at = Array.BinarySearch(_end, k + 1);
                return values[at >= 0 ? at : ~at];
            }
        }

        private static long[] Ends(long[] counts)
        {
            var ends = new long[counts.Length];
            var total = 0L;
            for (var i = 0; i < counts.Length; i++) ends[i] = total += counts[i];
            return ends;
        }
    }
}
