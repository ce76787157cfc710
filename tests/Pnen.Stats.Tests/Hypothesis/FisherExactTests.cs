using System.Globalization;
using Pnen.Stats.Hypothesis;

namespace Pnen.Stats.Tests.Hypothesis;

/// <summary>
/// Fisher's exact test against R 4.2.2 <c>fisher.test</c>. The tables are written row by row; the
/// R call is <c>fisher.test(matrix(c(...), nrow, byrow = TRUE))$p.value</c> with sprintf("%.17g").
/// </summary>
public class FisherExactTests
{
    [Theory]
    [InlineData(2, new[] { 3, 1, 1, 3 }, 0.48571428571428582)]       // ties with the observed table count
    [InlineData(2, new[] { 10, 2, 3, 15 }, 0.00053672411914343593)]
    [InlineData(2, new[] { 0, 5, 5, 0 }, 0.0079365079365079395)]
    [InlineData(2, new[] { 1, 9, 11, 3 }, 0.0027594561852200836)]
    [InlineData(3, new[] { 2, 0, 1, 5, 0, 3, 1, 0, 4, 1, 0, 2 }, 0.018649622364792569)]
    [InlineData(4, new[] { 1, 3, 10, 6, 2, 3, 10, 7, 1, 6, 14, 12, 0, 1, 9, 11 }, 0.78268493896563884)] // R's Job satisfaction example
    [InlineData(2, new[] { 2, 2, 2, 2, 2, 2 }, 0.99999999999999978)]
    [InlineData(2, new[] { 5, 3, 4, 2, 1, 0, 1, 9, 6, 3 }, 0.027302132959740429)]
    [InlineData(5, new[] { 5, 9, 0, 2, 3, 6, 1, 1, 4, 3 }, 0.7428959855935382)]
    [InlineData(4, new[] { 7, 3, 5, 36, 25, 45, 9, 6, 6, 18, 3, 0 }, 0.00038703731812102677)] // the paper's grading row
    public void ExactPValueMatchesR(int rows, int[] cells, double expected)
    {
        var r = FisherExactTest.Test(Table(rows, cells));
        Near.Equal(expected, r.P, Near.PValue);
        Assert.False(r.IsSimulated);
        Assert.Null(r.Statistic);
        Assert.Equal("Fisher's Exact Test for Count Data", r.Method);
    }

    [Theory]
    // Tables beyond R's default workspace (fisher.test(x) stops with FEXACT error 6); R needs
    // fisher.test(matrix(c(...), nrow, byrow = TRUE), workspace = 2e7)$p.value. From the same random
    // series as tests/TestData/random-tables.csv.
    [InlineData(3, "4 0 0 10 7 12 26 4 13 1 1 0 5 0 2", 5.5744820829707165e-10)]
    [InlineData(5, "2 2 9 5 10 6 3 4 3 10 9 12 0 0 13", 0.0014990616633080397)]
    [InlineData(3, "8 32 7 5 1 9 1 29 15 6 3 13", 1.9140906029470591e-11)]
    public void TablesBeyondRsDefaultWorkspaceStayExact(int rows, string cells, double expected)
    {
        var r = FisherExactTest.Test(Table(rows, [.. cells.Split(' ').Select(c => int.Parse(c, CultureInfo.InvariantCulture))]));
        Near.Equal(expected, r.P, Near.PValue);
        Assert.False(r.IsSimulated);
    }

    public static TheoryData<int, string, double, double, double> RandomTables()
    {
        // tests/TestData/random-tables.csv: 40 random tables with R's results (the R code is in the file).
        var data = new TheoryData<int, string, double, double, double>();
        foreach (var line in File.ReadLines(DataFiles.Path("random-tables.csv")).Where(l => !l.StartsWith('#')).Skip(1))
        {
            var f = line.Split(',');
            data.Add(int.Parse(f[0], CultureInfo.InvariantCulture), f[2],
                double.Parse(f[3], CultureInfo.InvariantCulture), double.Parse(f[4], CultureInfo.InvariantCulture), double.Parse(f[5], CultureInfo.InvariantCulture));
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(RandomTables))]
    public void RandomTablesMatchR(int rows, string cells, double fisherP, double chiSquare, double chiSquareP)
    {
        var table = Table(rows, [.. cells.Split(' ').Select(c => int.Parse(c, CultureInfo.InvariantCulture))]);
        var fisher = FisherExactTest.Test(table);
        Assert.False(fisher.IsSimulated);
        Near.Equal(fisherP, fisher.P, Near.PValue, "Fisher p");
        var pearson = ChiSquareTest.Pearson(table);
        Near.Equal(chiSquare, pearson.Statistic, Near.Statistic, "X-squared");
        Near.Equal(chiSquareP, pearson.P, Near.PValue, "chi-square p");
    }

    [Fact]
    public void SimulatedPValueEqualsRsForTheSameSeed()
    {
        // x <- matrix(c(7,3,5, 36,25,45, 9,6,6, 18,3,0), 4, byrow = TRUE)
        // set.seed(12345); fisher.test(x, simulate.p.value = TRUE)$p.value            -> 0.0014992503748125937
        // set.seed(12345); fisher.test(x, simulate.p.value = TRUE, B = 10000)$p.value -> 0.00069993000699930009
        // y <- matrix(c(2,0,1,5, 0,3,1,0, 4,1,0,2), 3, byrow = TRUE)
        // set.seed(7); fisher.test(y, simulate.p.value = TRUE, B = 5000)$p.value      -> 0.022995400919816038
        int[,] x = { { 7, 3, 5 }, { 36, 25, 45 }, { 9, 6, 6 }, { 18, 3, 0 } };
        var r = FisherExactTest.Test(x, new FisherExactOptions { AlwaysSimulate = true });
        Assert.Equal(0.0014992503748125937, r.P!.Value, 15);
        Assert.True(r.IsSimulated);
        Assert.Equal(2000, r.Replicates);
        Assert.Equal(12345, r.Seed);
        Assert.Contains("simulated p-value (based on 2000 replicates, seed 12345)", r.Method, StringComparison.Ordinal);

        var b = FisherExactTest.Test(x, new FisherExactOptions { AlwaysSimulate = true, Replicates = 10000 });
        Assert.Equal(0.00069993000699930009, b.P!.Value, 15);

        int[,] y = { { 2, 0, 1, 5 }, { 0, 3, 1, 0 }, { 4, 1, 0, 2 } };
        var c = FisherExactTest.Test(y, new FisherExactOptions { AlwaysSimulate = true, Replicates = 5000, Seed = 7 });
        Assert.Equal(0.022995400919816038, c.P!.Value, 15);
    }

    [Fact]
    public void OverBudgetTablesFallBackToTheSimulationAndSaySo()
    {
        // The same table as above: with no budget for the exact algorithm the answer is R's simulated one.
        int[,] x = { { 7, 3, 5 }, { 36, 25, 45 }, { 9, 6, 6 }, { 18, 3, 0 } };
        var r = FisherExactTest.Test(x, new FisherExactOptions { ExactBudget = 10 });
        Assert.True(r.IsSimulated);
        Assert.Equal(0.0014992503748125937, r.P!.Value, 15);
        Assert.Contains(r.Warnings, w => w.Contains("too large for the exact algorithm", StringComparison.Ordinal));
    }

    [Fact]
    public void EmptyRowsAndColumnsDoNotChangeThePValue()
    {
        // Same p as the 3 x 4 case above; R's FEXACT accepts the zero margins too.
        var r = FisherExactTest.Test(new[,] { { 2, 0, 1, 0, 5 }, { 0, 0, 0, 0, 0 }, { 0, 3, 1, 0, 0 }, { 4, 1, 0, 0, 2 } });
        Near.Equal(0.018649622364792569, r.P, Near.PValue);
        Assert.Equal([1], r.DroppedRows.ToArray());
        Assert.Equal([3], r.DroppedColumns.ToArray());
    }

    [Fact]
    public void DegenerateTables()
    {
        var empty = FisherExactTest.Test(new int[2, 2]);
        Assert.Null(empty.P);
        Assert.Contains("the table is empty", empty.Warnings);

        // One non-empty row: the observed table is the only one with these margins.
        var single = FisherExactTest.Test(new[,] { { 3, 4 }, { 0, 0 } });
        Assert.Equal(1, single.P);
        Assert.Contains(single.Warnings, w => w.Contains("p = 1", StringComparison.Ordinal));
    }

    [Fact]
    public void TransposingDoesNotChangeThePValue()
    {
        int[,] t = { { 2, 0, 1, 5 }, { 0, 3, 1, 0 }, { 4, 1, 0, 2 } };
        var a = FisherExactTest.Test(t);
        var b = FisherExactTest.Test(ContingencyTable.From(t).Transpose());
        Near.Equal(a.P!.Value, b.P, 1e-12);
    }

    private static int[,] Table(int rows, int[] cells)
    {
        var columns = cells.Length / rows;
        var t = new int[rows, columns];
        for (var i = 0; i < rows; i++)
        for (var j = 0; j < columns; j++)
            t[i, j] = cells[i * columns + j];
        return t;
    }
}
