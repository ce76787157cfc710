using System.Collections.Immutable;
using System.Globalization;
using Pnen.Stats.Distributions;

namespace Pnen.Stats.Hypothesis;

/// <summary>
/// Fisher's exact test of independence for r × c tables, two-sided, as R's <c>fisher.test</c>: the
/// p-value is the probability, with both margins fixed, of the tables no more probable than the
/// observed one.
/// </summary>
/// <remarks>
/// "No more probable" carries R's tolerances: for a 2 × 2 table P ≤ P_obs·(1 + 10⁻⁷) (fisher.test's
/// relErr); for larger tables log P ≤ log P_obs + 3.45254·10⁻⁷ (FEXACT's TOL). Rows and columns with a
/// zero total are dropped first; they do not change any table's probability. When the exact
/// algorithm would exceed <see cref="FisherExactOptions.ExactBudget"/> the p-value is simulated as
/// R's <c>simulate.p.value</c> does, p = (1 + #{simulated tables no more probable}) / (B + 1), with a
/// fixed seed; the result says so in <see cref="TestResult.Method"/> and <see cref="TestResult.Warnings"/>.
/// </remarks>
public static class FisherExactTest
{
    private const string ExactMethod = "Fisher's Exact Test for Count Data";
    private const double TwoByTwoRelativeTolerance = 1e-7;
    private const double NetworkLogTolerance = 3.45254e-7;

    public static FisherExactResult Test(int[,] counts, FisherExactOptions? options = null) =>
        Test(ContingencyTable.From(counts), options);

    public static FisherExactResult Test(ContingencyTable table, FisherExactOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        options ??= FisherExactOptions.Default;
        if (options.Replicates < 1) throw new ArgumentOutOfRangeException(nameof(options), options.Replicates, "at least one replicate is needed");
        var warnings = ImmutableArray.CreateBuilder<string>();
        var droppedRows = table.EmptyRows;
        var droppedColumns = table.EmptyColumns;
        if (table.Total > 0 && (droppedRows.Length > 0 || droppedColumns.Length > 0))
            warnings.Add(ChiSquareTest.DroppedMessage(droppedRows, droppedColumns));
        var tested = table.WithoutEmptyMargins();
        var result = new FisherExactResult
        {
            Method = ExactMethod,
            N = table.Total,
            DroppedRows = droppedRows,
            DroppedColumns = droppedColumns,
        };

        if (table.Total == 0) return result with { Warnings = [.. warnings, "the table is empty"] };
        if (tested.Rows < 2 || tested.Columns < 2)
        {
            // Only one table has these margins: the observed one.
            warnings.Add($"the table has {tested.Rows} non-empty row(s) and {tested.Columns} non-empty column(s); every table with these margins is the observed one, so p = 1");
            return result with { P = 1, Warnings = warnings.ToImmutable() };
        }

        if (!options.AlwaysSimulate)
        {
            var exact = tested.Rows == 2 && tested.Columns == 2
                ? TwoByTwo(tested)
                : FisherNetwork.PValue(tested, NetworkLogTolerance, options.ExactBudget);
            if (exact is { } p) return result with { P = p, Warnings = warnings.ToImmutable() };
            warnings.Add(string.Create(CultureInfo.InvariantCulture,
                $"the table is too large for the exact algorithm within its budget; the p-value is simulated ({options.Replicates} replicates, seed {options.Seed})"));
        }

        var simulated = FisherMonteCarlo.PValue(tested, options.Replicates, options.Seed);
        return result with
        {
            Method = string.Create(CultureInfo.InvariantCulture,
                $"{ExactMethod} with simulated p-value (based on {options.Replicates} replicates, seed {options.Seed})"),
            P = simulated,
            IsSimulated = true,
            Replicates = options.Replicates,
            Seed = options.Seed,
            Warnings = warnings.ToImmutable(),
        };
    }

    /// <summary>R's 2 × 2 computation: the hypergeometric law of the top-left cell, normalised at its mode.</summary>
    private static double TwoByTwo(ContingencyTable t)
    {
        int m = t.ColumnTotals[0], n = t.ColumnTotals[1], k = t.RowTotals[0], x = t[0, 0];
        int low = Math.Max(0, k - n), high = Math.Min(k, m);
        var log = new double[high - low + 1];
        var max = double.NegativeInfinity;
        for (var i = low; i <= high; i++)
        {
            log[i - low] = Hypergeometric.LogProbability(i, m, n, k);
            max = Math.Max(max, log[i - low]);
        }
        double total = 0;
        for (var i = 0; i < log.Length; i++) total += Math.Exp(log[i] - max);
        var limit = Math.Exp(log[x - low] - max) * (1 + TwoByTwoRelativeTolerance);
        double tail = 0;
        for (var i = 0; i < log.Length; i++)
        {
            var d = Math.Exp(log[i] - max);
            if (d <= limit) tail += d;
        }
        return Math.Min(1, tail / total);
    }
}
