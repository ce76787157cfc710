using CsCheck;
using Pnen.Dsl.Report;
using Pnen.Stats.Tests.Properties;

namespace Pnen.Report.Tests.Privacy;

/// <summary>
/// Small-cell suppression on tables with visible totals: small counts are hidden, zeros show, and
/// enough further counts are hidden that no hidden count can be computed from what shows. The last
/// property is checked here by a rank test written apart from the solver's own elimination: a hidden
/// count is recoverable exactly when its unit vector lies in the row space of the sums restricted to
/// the hidden counts, i.e. when adding it as a row does not raise the rank.
/// </summary>
public sealed class CellSuppressionTests
{
    private const int Threshold = 11;

    /// <summary>A table with its row and column totals and the grand total, all published.</summary>
    private sealed record Table(int[,] Cells, CellSuppression Solver, int[,] Ids, int[] RowTotals, int[] ColumnTotals, int Grand, List<int[]> Sums);

    private static Table Build(int[,] cells)
    {
        var solver = new CellSuppression();
        var (rows, columns) = (cells.GetLength(0), cells.GetLength(1));
        var ids = new int[rows, columns];
        var sums = new List<int[]>();
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < columns; c++) ids[r, c] = solver.Cell(cells[r, c]);
        }
        var rowTotals = Enumerable.Range(0, rows).Select(r => solver.Cell(Enumerable.Range(0, columns).Sum(c => cells[r, c]))).ToArray();
        var columnTotals = Enumerable.Range(0, columns).Select(c => solver.Cell(Enumerable.Range(0, rows).Sum(r => cells[r, c]))).ToArray();
        var grand = solver.Cell(cells.Cast<int>().Sum());
        for (var r = 0; r < rows; r++) Add(solver, sums, rowTotals[r], Enumerable.Range(0, columns).Select(c => ids[r, c]).ToArray());
        for (var c = 0; c < columns; c++) Add(solver, sums, columnTotals[c], Enumerable.Range(0, rows).Select(r => ids[r, c]).ToArray());
        Add(solver, sums, grand, rowTotals);
        Add(solver, sums, grand, columnTotals);
        solver.Solve(Threshold);
        return new Table(cells, solver, ids, rowTotals, columnTotals, grand, sums);
    }

    private static void Add(CellSuppression solver, List<int[]> sums, int total, int[] parts)
    {
        solver.Sum(total, parts);
        sums.Add([total, .. parts]);
    }

    [Fact]
    public void ASmallCellAndItsSmallestNeighbourAreHidden()
    {
        // One row: 5, 50, 45 with total 100. 5 is hidden; 45 is the smallest other count, so it goes too.
        var solver = new CellSuppression();
        var cells = new[] { solver.Cell(5), solver.Cell(50), solver.Cell(45) };
        var total = solver.Cell(100);
        solver.Sum(total, cells);
        solver.Solve(Threshold);
        Assert.Equal([true, false, true, false], new[] { cells[0], cells[1], cells[2], total }.Select(solver.IsHidden));
    }

    [Fact]
    public void ZerosShowAndAreNotUsedAsComplementsWhileAnythingElseIsLeft()
    {
        var solver = new CellSuppression();
        var cells = new[] { solver.Cell(0), solver.Cell(3), solver.Cell(0), solver.Cell(40) };
        var total = solver.Cell(43);
        solver.Sum(total, cells);
        solver.Solve(Threshold);
        Assert.Equal([false, true, false, true, false], cells.Append(total).Select(solver.IsHidden));
    }

    [Fact]
    public void AlonePartGivesItsTotalAway()
    {
        // The only non-zero part equals its total: hiding the part alone would hide nothing.
        var solver = new CellSuppression();
        var part = solver.Cell(4);
        var zero = solver.Cell(0);
        var total = solver.Cell(4);
        solver.Sum(total, [part, zero]);
        solver.Solve(Threshold);
        Assert.True(solver.IsHidden(part));
        Assert.True(solver.IsHidden(total));
    }

    [Fact]
    public void TwoSmallCellsThatSumToLittleTakeAThirdWithThem()
    {
        // 1 and 1 hidden beside a total of 52 and a shown 50 would both read as 1: a third count hides too.
        var solver = new CellSuppression();
        var cells = new[] { solver.Cell(1), solver.Cell(1), solver.Cell(50) };
        var total = solver.Cell(52);
        solver.Sum(total, cells);
        solver.Solve(Threshold);
        Assert.All(cells, c => Assert.True(solver.IsHidden(c)));
    }

    [Fact]
    public void AChainOfSumsIsFollowed()
    {
        // Recruited 228 = excluded 1 + final 227; the final cohort is also its arms 137 + 90.
        // Hiding the final cohort would be undone by its arms: the number recruited is hidden instead.
        var solver = new CellSuppression();
        var recruited = solver.Cell(228);
        var excluded = solver.Cell(1);
        var final = solver.Cell(227);
        var arms = new[] { solver.Cell(137), solver.Cell(90) };
        solver.Sum(recruited, [excluded, final]);
        solver.Sum(final, arms);
        solver.Solve(Threshold);
        Assert.True(solver.IsHidden(excluded));
        Assert.True(solver.IsHidden(recruited));
        Assert.False(solver.IsHidden(final));
        Assert.All(arms, a => Assert.False(solver.IsHidden(a)));
    }

    [Fact]
    public void ATableWithOneSmallCellHidesARectangle()
    {
        var table = Build(new[,] { { 5, 30, 40 }, { 25, 35, 45 } });
        Assert.True(table.Solver.IsHidden(table.Ids[0, 0]));
        // Its row and its column each need a second hidden count.
        Assert.Contains(Enumerable.Range(1, 2), c => table.Solver.IsHidden(table.Ids[0, c]));
        Assert.True(table.Solver.IsHidden(table.Ids[1, 0]));
        NothingHiddenIsRecoverable(table);
    }

    [Fact]
    public void RandomTablesKeepEveryHiddenCountUnrecoverable()
    {
        var tables = Gen.Int[1, 4].SelectMany(rows => Gen.Int[1, 4].SelectMany(columns =>
            Gen.OneOf(Gen.Int[0, 12], Gen.Int[0, 60], Gen.Const(0)).Array[rows * columns].Select(values =>
            {
                var cells = new int[rows, columns];
                for (var i = 0; i < values.Length; i++) cells[i / columns, i % columns] = values[i];
                return cells;
            })));
        FixedSample.Run(tables, cells =>
        {
            var table = Build(cells);
            for (var r = 0; r < cells.GetLength(0); r++)
            {
                for (var c = 0; c < cells.GetLength(1); c++)
                {
                    var value = cells[r, c];
                    if (value is >= 1 and < Threshold) Assert.True(table.Solver.IsHidden(table.Ids[r, c]), $"small cell {value} shown");
                }
            }
            // Nothing small, nothing hidden: complements are only ever drawn for small counts.
            var values = Enumerable.Range(0, table.Solver.Count).Select(table.Solver.IsHidden).ToArray();
            if (!cells.Cast<int>().Concat(TotalsOf(cells)).Any(v => v is >= 1 and < Threshold)) Assert.DoesNotContain(true, values);
            NothingHiddenIsRecoverable(table);
        }, iterations: 2000, seed: 20250611);
    }

    private static IEnumerable<int> TotalsOf(int[,] cells)
    {
        var (rows, columns) = (cells.GetLength(0), cells.GetLength(1));
        for (var r = 0; r < rows; r++) yield return Enumerable.Range(0, columns).Sum(c => cells[r, c]);
        for (var c = 0; c < columns; c++) yield return Enumerable.Range(0, rows).Sum(r => cells[r, c]);
        yield return cells.Cast<int>().Sum();
    }

    /// <summary>Every sum [total, parts...] as a row over the hidden ids; a hidden id is recoverable
    /// when its unit row does not raise the rank (exact integer elimination, Bareiss style).</summary>
    private static void NothingHiddenIsRecoverable(Table table)
    {
        var hidden = Enumerable.Range(0, table.Solver.Count).Where(table.Solver.IsHidden).ToArray();
        if (hidden.Length == 0) return;
        var column = hidden.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i);
        var rows = new List<long[]>();
        foreach (var sum in table.Sums)
        {
            var row = new long[hidden.Length];
            if (column.TryGetValue(sum[0], out var t)) row[t] -= 1;
            foreach (var part in sum.Skip(1)) if (column.TryGetValue(part, out var p)) row[p] += 1;
            if (row.Any(x => x != 0)) rows.Add(row);
        }
        var rank = Rank(rows);
        foreach (var id in hidden)
        {
            var unit = new long[hidden.Length];
            unit[column[id]] = 1;
            Assert.True(Rank([.. rows, unit]) > rank, $"hidden count {id} can be computed from the shown ones");
        }
    }

    private static int Rank(List<long[]> input)
    {
        var m = input.Select(r => (long[])r.Clone()).ToList();
        if (m.Count == 0) return 0;
        var columns = m[0].Length;
        var rank = 0;
        for (var c = 0; c < columns && rank < m.Count; c++)
        {
            var pivot = m.FindIndex(rank, r => r[c] != 0);
            if (pivot < 0) continue;
            (m[rank], m[pivot]) = (m[pivot], m[rank]);
            for (var r = rank + 1; r < m.Count; r++)
            {
                if (m[r][c] == 0) continue;
                var (a, b) = (m[rank][c], m[r][c]);
                for (var j = 0; j < columns; j++) m[r][j] = m[r][j] * a - m[rank][j] * b;
                var g = m[r].Aggregate(0L, (acc, x) => Gcd(acc, Math.Abs(x)));
                if (g > 1) for (var j = 0; j < columns; j++) m[r][j] /= g;
            }
            rank++;
        }
        return rank;
    }

    private static long Gcd(long a, long b) => b == 0 ? a : Gcd(b, a % b);
}
