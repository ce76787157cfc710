using System.Collections.Immutable;
using System.Globalization;
using Pnen.Stats.Descriptive;
using Pnen.Stats.Hypothesis;

namespace Pnen.Stats.Baseline;

/// <summary>Counts, test and SMD of one categorical variable.</summary>
internal static class CategoricalRowBuilder
{
    public static BaselineRow Build(CategoricalVariable variable, AnalysedGroups groups, BaselineTableOptions options)
    {
        ArgumentNullException.ThrowIfNull(variable.Levels);
        groups.CheckLength(variable);
        int levelCount = variable.Levels.Count, groupCount = groups.Count;
        var counts = new int[levelCount, groupCount];
        var missing = new int[groupCount];
        var codes = variable.Codes.Span;
        for (var i = 0; i < codes.Length; i++)
        {
            var g = groups.Codes[i];
            if (g < 0) continue;
            var c = codes[i];
            if (c == -1) missing[g]++;
            else if (c < -1 || c >= levelCount)
                throw new ArgumentOutOfRangeException(nameof(variable), c, $"{variable.Name}: code at row {i} is outside -1..{levelCount - 1}");
            else counts[c, g]++;
        }
        return FromCounts(variable.Name, variable.Levels, counts, missing, groups, options);
    }

    /// <summary>The row from its counts per (level, group) and missing values per group: the
    /// row-level path and the aggregated one (a SQL GROUP BY group, level) share it.</summary>
    internal static BaselineRow FromCounts(string name, IReadOnlyList<string> variableLevels, int[,] counts, int[] missing, AnalysedGroups groups, BaselineTableOptions options)
    {
        int levelCount = variableLevels.Count, groupCount = groups.Count;
        var nonMissing = new int[groupCount];
        for (var l = 0; l < levelCount; l++)
        for (var g = 0; g < groupCount; g++)
            nonMissing[g] += counts[l, g];
        var total = nonMissing.Sum();
        var levels = ImmutableArray.CreateBuilder<LevelRow>(levelCount);
        for (var l = 0; l < levelCount; l++)
        {
            var row = new int[groupCount];
            var percents = new double?[groupCount];
            var overall = 0;
            for (var g = 0; g < groupCount; g++)
            {
                row[g] = counts[l, g];
                percents[g] = nonMissing[g] > 0 ? 100.0 * counts[l, g] / nonMissing[g] : null;
                overall += counts[l, g];
            }
            levels.Add(new LevelRow
            {
                Level = variableLevels[l],
                Counts = [.. row],
                Percents = [.. percents],
                Overall = new LevelOverall(overall, total > 0 ? 100.0 * overall / total : null),
            });
        }

        var notes = new List<string>();
        var result = new BaselineRow
        {
            Variable = name,
            Kind = VariableKind.Categorical,
            Missing = missing.Sum(),
            MissingCounts = [.. missing],
            Levels = levels.MoveToImmutable(),
            Notes = [],
        };
        if (options.IncludeP) result = WithTest(result, variableLevels, groups, counts, options, notes);
        if (options.IncludeSmd) result = result with { Smd = Smd(counts, nonMissing, notes) };
        return result with { Notes = [.. notes] };
    }

    private static BaselineRow WithTest(BaselineRow row, IReadOnlyList<string> levels, AnalysedGroups groups, int[,] counts,
        BaselineTableOptions options, List<string> notes)
    {
        var table = ContingencyTable.From(counts);
        if (table.Total == 0)
        {
            notes.Add("no non-missing values; no test");
            return row;
        }
        var usedGroups = Enumerable.Range(0, table.Columns).Where(g => table.ColumnTotals[g] > 0).ToArray();
        var usedLevels = Enumerable.Range(0, table.Rows).Where(l => table.RowTotals[l] > 0).ToArray();
        if (usedGroups.Length < 2)
        {
            notes.Add($"values only in group {groups.Quote(usedGroups)}; no test");
            return row;
        }
        if (usedLevels.Length < 2)
        {
            notes.Add($"constant within the analysed rows (every value is '{levels[usedLevels[0]]}'); no test");
            return row;
        }
        if (usedLevels.Length < table.Rows)
        {
            var empty = Enumerable.Range(0, table.Rows).Except(usedLevels).Select(l => $"'{levels[l]}'");
            notes.Add($"level(s) {string.Join(", ", empty)} with no observations left out of the test");
        }
        if (usedGroups.Length < table.Columns)
            notes.Add($"group(s) {groups.Quote(Enumerable.Range(0, table.Columns).Except(usedGroups))} with no values left out of the test");

        var tested = table.WithoutEmptyMargins();
        var minimumExpected = tested.MinimumExpected();
        var useFisher = options.CategoricalTest switch
        {
            CategoricalTestChoice.Fisher => true,
            CategoricalTestChoice.ChiSquare => false,
            _ => minimumExpected < 5,
        };
        if (options.CategoricalTest == CategoricalTestChoice.Auto && useFisher)
            notes.Add(string.Create(CultureInfo.InvariantCulture, $"an expected count is below 5 (smallest {minimumExpected:0.###}): Fisher's exact test"));

        TestResult result = useFisher ? FisherExactTest.Test(tested, options.Fisher) : ChiSquareTest.Pearson(tested);
        notes.AddRange(result.Warnings);
        return row with
        {
            Test = useFisher ? BaselineTests.Fisher : BaselineTests.ChiSquare,
            Method = result.Method,
            Statistic = result.Statistic,
            Df = result.DegreesOfFreedom,
            P = result.P,
        };
    }

    /// <summary>The largest pairwise Yang-Dalton SMD over groups with non-missing values.</summary>
    private static double? Smd(int[,] counts, int[] nonMissing, List<string> notes)
    {
        int levels = counts.GetLength(0), groups = counts.GetLength(1);
        double? largest = null;
        var undefined = false;
        var a = new int[levels];
        var b = new int[levels];
        for (var g = 0; g < groups; g++)
        for (var h = g + 1; h < groups; h++)
        {
            if (nonMissing[g] == 0 || nonMissing[h] == 0) continue;
            for (var l = 0; l < levels; l++)
            {
                a[l] = counts[l, g];
                b[l] = counts[l, h];
            }
            var smd = StandardizedDifference.Categorical(a, b);
            if (smd is { } d) largest = Math.Max(largest ?? d, d);
            else undefined = true;
        }
        if (largest is null) notes.Add("SMD undefined: fewer than two groups with values, or each group is all in one level");
        else if (undefined) notes.Add("SMD undefined for some pairs of groups; the largest defined one is shown");
        return largest;
    }
}
