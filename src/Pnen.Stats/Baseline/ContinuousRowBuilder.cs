using System.Collections.Immutable;
using System.Globalization;
using Pnen.Stats.Descriptive;
using Pnen.Stats.Hypothesis;

namespace Pnen.Stats.Baseline;

/// <summary>Summaries, normality, test and SMD of one continuous variable.</summary>
internal static class ContinuousRowBuilder
{
    public const string OverallLabel = "Overall";

    public static BaselineRow Build(ContinuousVariable variable, AnalysedGroups groups, BaselineTableOptions options)
    {
        groups.CheckLength(variable);
        var values = variable.Values.Span;
        var groupCount = groups.Count;
        var missing = new int[groupCount];
        for (var i = 0; i < values.Length; i++)
        {
            var g = groups.Codes[i];
            if (g < 0) continue;
            if (double.IsInfinity(values[i])) throw new ArgumentException($"{variable.Name}: value at row {i} is infinite (NaN marks a missing value)");
            if (double.IsNaN(values[i])) missing[g]++;
        }
        // The non-missing values sorted once with their groups: every summary's quantiles and the
        // rank tests read the one sorted copy.
        var ranked = RankedSample.Of(values, groups.Codes, groupCount);
        var byGroup = ranked.SortedByGroup();

        var summaries = new GroupSummary[groupCount];
        for (var g = 0; g < groupCount; g++) summaries[g] = Summarise(groups.Labels[g], byGroup[g], missing[g]);
        var notes = new List<string>();
        var constant = ranked.IsConstant;
        NormalityResult? normality = null;
        if (ranked.N > 0 && !constant)
        {
            normality = Normality(ShapiroWilkTest.Test(ranked.Sorted), notes);
        }

        var result = new BaselineRow
        {
            Variable = variable.Name,
            Kind = VariableKind.Continuous,
            Normality = normality,
            Missing = missing.Sum(),
            MissingCounts = [.. missing],
            Summary = [.. summaries],
            Overall = Summarise(OverallLabel, ranked.Sorted, missing.Sum()),
            Notes = [],
        };
        if (options.IncludeP)
        {
            var used = Enumerable.Range(0, groups.Count).Where(g => ranked.Counts[g] > 0).ToArray();
            result = WithTest(result, groups, used, ranked.N, constant, options, notes, new RowTests(
                choice => choice switch
                {
                    ContinuousTestChoice.Anova => OneWayAnova.Test(InRowOrder(variable, groups, ranked.N)),
                    ContinuousTestChoice.Welch => WelchAnova.Test(InRowOrder(variable, groups, ranked.N)),
                    _ => KruskalWallisTest.Test(ranked),
                },
                (x, _) => MannWhitneyTest.Test(ranked, xGroup: x)));
        }
        if (options.IncludeSmd) result = result with { Smd = Smd(summaries, notes) };
        return result with { Notes = [.. notes] };
    }

    /// <summary>The row's normality from Shapiro-Wilk, or a note saying why it was not assessed.</summary>
    internal static NormalityResult? Normality(TestResult sw, List<string> notes)
    {
        if (sw.IsDefined) return new NormalityResult(sw.Statistic!.Value, sw.P!.Value);
        notes.AddRange(sw.Warnings.Select(w => $"normality not assessed: {w}"));
        return null;
    }

    /// <summary>The k-sample test forced or chosen (Anova, Welch or Kruskal), and the two-sample
    /// rank-sum test of two groups (x first): from the rows, or from counts of values.</summary>
    internal sealed record RowTests(Func<ContinuousTestChoice, TestResult> KSample, Func<int, int, MannWhitneyResult> TwoSample);

    /// <summary>The test of the row by the documented rule (see <see cref="BaselineTableBuilder"/>).</summary>
    /// <param name="usedGroups">The groups with values.</param>
    /// <param name="n">Non-missing values in all groups.</param>
    internal static BaselineRow WithTest(BaselineRow row, AnalysedGroups groups, int[] usedGroups, long n,
        bool constant, BaselineTableOptions options, List<string> notes, RowTests tests)
    {
        if (n == 0)
        {
            notes.Add("no non-missing values; no test");
            return row;
        }
        if (constant)
        {
            // The value is not quoted: in a small group it is each patient's own value.
            notes.Add("constant within the analysed rows (every value is the same); no test");
            return row;
        }
        if (usedGroups.Length < 2)
        {
            notes.Add($"values only in group {groups.Quote(usedGroups)}; no test");
            return row;
        }
        if (usedGroups.Length < groups.Count)
            notes.Add($"group(s) {groups.Quote(Enumerable.Range(0, groups.Count).Except(usedGroups))} with no values left out of the test");

        var choice = options.ContinuousTest;
        if (choice == ContinuousTestChoice.Auto)
        {
            var normal = row.Normality is { } normality && normality.P >= options.NormalityAlpha;
            if (row.Normality is null) notes.Add("normality could not be assessed; a rank test is used");
            if (normal) choice = ContinuousTestChoice.Anova;
            else if (usedGroups.Length == 2)
            {
                var w = tests.TwoSample(usedGroups[0], usedGroups[1]);
                notes.AddRange(w.Warnings);
                return WithResult(row, BaselineTests.Wilcoxon, w);
            }
            else choice = ContinuousTestChoice.Kruskal;
        }
        var test = choice switch
        {
            ContinuousTestChoice.Anova => BaselineTests.Anova,
            ContinuousTestChoice.Welch => BaselineTests.Welch,
            ContinuousTestChoice.Kruskal => BaselineTests.Kruskal,
            _ => throw new ArgumentOutOfRangeException(nameof(options), choice, "unknown continuous test"),
        };
        var result = tests.KSample(choice);
        notes.AddRange(result.Warnings);
        return WithResult(row, test, result);
    }

    /// <summary>The analysed values in row order, not sorted: the ANOVAs' sums then run in R's order.</summary>
    private static GroupedSample InRowOrder(ContinuousVariable variable, AnalysedGroups groups, int analysed)
    {
        var values = variable.Values.Span;
        var kept = new double[analysed];
        var codes = new int[analysed];
        for (int i = 0, at = 0; i < values.Length; i++)
        {
            if (groups.Codes[i] < 0 || double.IsNaN(values[i])) continue;
            kept[at] = values[i];
            codes[at++] = groups.Codes[i];
        }
        return GroupedSample.From(kept, codes);
    }

    private static BaselineRow WithResult(BaselineRow row, string test, TestResult result) => row with
    {
        Test = test,
        Method = result.Method,
        Statistic = result.Statistic,
        Df = result.DegreesOfFreedom,
        Df2 = result.DegreesOfFreedom2,
        P = result.P,
    };

    private static GroupSummary Summarise(string label, double[] sorted, int missing)
    {
        var s = ContinuousSummary.OfSorted(sorted, missing);
        return new GroupSummary
        {
            Group = label,
            N = s.N,
            Mean = s.Mean,
            Sd = s.Sd,
            Median = s.Median,
            Q1 = s.Q1,
            Q3 = s.Q3,
            Min = s.Min,
            Max = s.Max,
            Missing = missing,
        };
    }

    /// <summary>The largest pairwise |SMD| over groups with at least two values (an SD needs two).</summary>
    internal static double? Smd(GroupSummary[] summaries, List<string> notes)
    {
        double? largest = null;
        var undefined = false;
        for (var g = 0; g < summaries.Length; g++)
        for (var h = g + 1; h < summaries.Length; h++)
        {
            if (summaries[g].Sd is not { } sg || summaries[h].Sd is not { } sh) continue;
            var smd = StandardizedDifference.Continuous(summaries[g].Mean!.Value, sg, summaries[h].Mean!.Value, sh);
            if (smd is { } d) largest = Math.Max(largest ?? Math.Abs(d), Math.Abs(d));
            else undefined = true;
        }
        if (largest is null) notes.Add("SMD undefined: fewer than two groups with two or more values, or constant groups that differ");
        else if (undefined) notes.Add("SMD undefined for some pairs of groups; the largest defined one is shown");
        return largest;
    }
}
