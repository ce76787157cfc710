using System.Collections.Immutable;
using Pnen.Stats.Distributions;

namespace Pnen.Stats.Hypothesis;

/// <summary>
/// Pearson's chi-square test of independence for an r × c table, as R's <c>chisq.test</c>.
/// </summary>
/// <remarks>
/// Differences from R, all on input where R returns NaN: rows and columns whose total is zero are
/// dropped (and listed in the result) before the test, since they carry no information and make an
/// expected count zero; a table with fewer than two non-empty rows or columns gets no test.
/// Yates' continuity correction is applied only when asked for and only to a 2 × 2 table, with R's
/// rule that the correction is min(0.5, |O − E|) over all cells.
/// </remarks>
public static class ChiSquareTest
{
    /// <summary>The warning R gives when an expected count is below 5.</summary>
    public const string SmallExpectedWarning = "Chi-squared approximation may be incorrect: an expected count is below 5";

    public static ChiSquareTestResult Pearson(int[,] counts, bool continuityCorrection = false) =>
        Pearson(ContingencyTable.From(counts), continuityCorrection);

    public static ChiSquareTestResult Pearson(ContingencyTable table, bool continuityCorrection = false)
    {
        ArgumentNullException.ThrowIfNull(table);
        var warnings = ImmutableArray.CreateBuilder<string>();
        var droppedRows = table.EmptyRows;
        var droppedColumns = table.EmptyColumns;
        if (table.Total > 0 && (droppedRows.Length > 0 || droppedColumns.Length > 0))
            warnings.Add(DroppedMessage(droppedRows, droppedColumns));
        var tested = table.WithoutEmptyMargins();
        var result = new ChiSquareTestResult
        {
            Method = "Pearson's Chi-squared test",
            StatisticName = "X-squared",
            N = table.Total,
            DroppedRows = droppedRows,
            DroppedColumns = droppedColumns,
        };

        if (table.Total == 0) return result with { Warnings = [.. warnings, "the table is empty"] };
        if (tested.Rows < 2 || tested.Columns < 2)
        {
            warnings.Add($"the table has {tested.Rows} non-empty row(s) and {tested.Columns} non-empty column(s); a test needs at least two of each");
            return result with { Warnings = warnings.ToImmutable() };
        }

        var yates = 0.0;
        if (continuityCorrection && tested.Rows == 2 && tested.Columns == 2)
        {
            yates = 0.5;
            for (var i = 0; i < 2; i++)
            for (var j = 0; j < 2; j++)
                yates = Math.Min(yates, Math.Abs(tested[i, j] - tested.Expected(i, j)));
        }
        else if (continuityCorrection)
        {
            warnings.Add("the continuity correction applies to 2 x 2 tables only and was not used");
        }

        var statistic = 0.0;
        var minExpected = double.PositiveInfinity;
        for (var i = 0; i < tested.Rows; i++)
        for (var j = 0; j < tested.Columns; j++)
        {
            var expected = tested.Expected(i, j);
            minExpected = Math.Min(minExpected, expected);
            var deviation = Math.Abs(tested[i, j] - expected) - yates;
            statistic += deviation * deviation / expected;
        }
        if (minExpected < 5) warnings.Add(SmallExpectedWarning);

        var df = (tested.Rows - 1) * (tested.Columns - 1);
        return result with
        {
            Method = yates > 0 ? "Pearson's Chi-squared test with Yates' continuity correction" : result.Method,
            ContinuityCorrected = yates > 0,
            Statistic = statistic,
            DegreesOfFreedom = df,
            P = ChiSquared.UpperTail(statistic, df),
            MinimumExpected = minExpected,
            Warnings = warnings.ToImmutable(),
        };
    }

    internal static string DroppedMessage(ImmutableArray<int> rows, ImmutableArray<int> columns)
    {
        var parts = new List<string>();
        if (rows.Length > 0) parts.Add($"row(s) {string.Join(", ", rows.Select(i => i + 1))}");
        if (columns.Length > 0) parts.Add($"column(s) {string.Join(", ", columns.Select(j => j + 1))}");
        return $"{string.Join(" and ", parts)} with a zero total left out of the test";
    }
}
