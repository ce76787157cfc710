using Pnen.Stats.Baseline;
using Pnen.Stats.Tests.Hypothesis;

namespace Pnen.Stats.Tests.Baseline;

/// <summary>
/// What the builder does with awkward data: a defined answer and a note, never NaN. Where a test
/// still runs, its value is R's on the data without the awkward part (R 4.2.2, sprintf("%.17g")):
/// <code>
/// kruskal.test(list(c(2.9, 3.0, 2.5, 2.6, 3.2, 3.0), c(3.8, 2.7, 4.0, 2.4, 3.0), c(2.8, 3.4, 3.7, 2.2, 2.0, 3.4, 3.8)))
///   # 0.65098155565445315, df 2, p = 0.72217284023811479 (see KSampleTests)
/// suppressWarnings(chisq.test(matrix(c(3, 1, 4, 2, 6, 5), 2, byrow = TRUE)))   # 2.8538461538461539, p = 0.24004639137518483
/// </code>
/// </summary>
public class DegenerateInputTests
{
    private static readonly string[] FourGroups = ["A", "B", "C", "D"];

    // Groups A, B and D have the values of KSampleTests; C has no rows; two rows have no group.
    private static readonly int[] GroupCodes = [0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 3, 3, 3, 3, 3, 3, 3, -1, -1];
    private static readonly double[] Values = [2.9, 3.0, 2.5, 2.6, 3.2, 3.0, 3.8, 2.7, 4.0, 2.4, 3.0, 2.8, 3.4, 3.7, 2.2, 2.0, 3.4, 3.8, 100, 200];

    private static BaselineTable Build(params BaselineVariable[] variables) =>
        BaselineTableBuilder.Build(new BaselineGrouping("arm", GroupCodes, FourGroups), variables,
            new BaselineTableOptions { ContinuousTest = ContinuousTestChoice.Kruskal, IncludeSmd = true });

    [Fact]
    public void EmptyGroupsAndMissingGroupRowsAreLeftOutAndReported()
    {
        var table = Build(new ContinuousVariable("score", Values));
        Assert.Equal([6, 5, 0, 7], table.GroupSizes.ToArray());
        Assert.Equal(18, table.Total);
        Assert.Contains("2 row(s) with a missing arm were excluded", table.Warnings);
        Assert.Contains(table.Warnings, w => w.Contains("'C' have no rows", StringComparison.Ordinal));

        var row = table.Rows[0];
        Near.Equal(0.65098155565445315, row.Statistic, Near.Statistic, "H");
        Assert.Equal(2, row.Df);
        Near.Equal(0.72217284023811479, row.P, Near.PValue, "p");
        Assert.Contains(row.Notes, n => n.Contains("'C' with no values left out", StringComparison.Ordinal));
        var c = row.Summary!.Value[2];
        Assert.Equal(0, c.N);
        Assert.Null(c.Mean);
        Assert.Null(c.Sd);
        Assert.Equal(18, row.Overall!.N); // the rows without a group are not in the overall column either
    }

    [Fact]
    public void UnusedLevelsAndEmptyGroupsOfACategoricalVariable()
    {
        // A level 'none' nobody has; group C is empty; one missing value in A.
        int[] codes = [0, 0, 0, 1, 1, -1, 0, 1, 1, 1, 1, 0, 0, 0, 0, 1, 1, 1, 0, 0];
        var table = Build(new CategoricalVariable("stage", codes, ["early", "late", "none"]));
        var row = table.Rows[0];
        Assert.Equal([3, 1, 0, 4], row.Levels!.Value[0].Counts.ToArray());
        Assert.Equal([2, 4, 0, 3], row.Levels!.Value[1].Counts.ToArray());
        Assert.Equal([0, 0, 0, 0], row.Levels!.Value[2].Counts.ToArray());
        Assert.Null(row.Levels!.Value[0].Percents[2]);       // group C: no percentage, not NaN
        Assert.Equal([1, 0, 0, 0], row.MissingCounts.ToArray()); // the -1 is in group A
        Assert.Contains(row.Notes, n => n.Contains("'none' with no observations left out", StringComparison.Ordinal));
        Assert.Contains(row.Notes, n => n.Contains("'C' with no values left out", StringComparison.Ordinal));
        Assert.NotNull(row.P); // the value after dropping is checked against R in the next test
    }

    [Fact]
    public void CategoricalTestAfterDroppingMatchesR()
    {
        // early/late x A/B/D = 3,1,4 / 2,6,5, with an unused level and the empty group C.
        int[] groups = [0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 3, 3, 3, 3, 3, 3, 3, 3, 3];
        int[] codes = [0, 0, 0, 1, 1, 0, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 1, 1, 1, 1, 1];
        var table = BaselineTableBuilder.Build(new BaselineGrouping("arm", groups, FourGroups),
            [new CategoricalVariable("stage", codes, ["early", "late", "none"])],
            new BaselineTableOptions { CategoricalTest = CategoricalTestChoice.ChiSquare });
        var row = table.Rows[0];
        Near.Equal(2.8538461538461539, row.Statistic, Near.Statistic, "X-squared");
        Assert.Equal(2, row.Df);
        Near.Equal(0.24004639137518483, row.P, Near.PValue, "p");
        Assert.Contains(row.Notes, n => n.Contains("approximation may be incorrect", StringComparison.Ordinal));
    }

    [Fact]
    public void ConstantVariablesGetNoTest()
    {
        var table = Build(
            new ContinuousVariable("dose", Enumerable.Repeat(5.0, 20).ToArray()),
            new CategoricalVariable("sex", Enumerable.Repeat(1, 20).ToArray(), ["F", "M"]));
        var dose = table.Rows[0];
        Assert.Null(dose.Test);
        Assert.Null(dose.Statistic);
        Assert.Null(dose.P);
        Assert.Null(dose.Normality);
        Assert.Contains(dose.Notes, n => n.Contains("constant", StringComparison.Ordinal));
        Assert.Equal(0, dose.Smd); // one constant shared by every group (tableone's convention)
        var sex = table.Rows[1];
        Assert.Null(sex.P);
        Assert.Contains(sex.Notes, n => n.Contains("every value is 'M'", StringComparison.Ordinal));
        Assert.Contains(table.Warnings, w => w.StartsWith("dose: constant", StringComparison.Ordinal));
    }

    [Fact]
    public void VariablesWithoutUsableValues()
    {
        var onlyA = Values.Select((v, i) => GroupCodes[i] == 0 ? v : double.NaN).ToArray();
        var table = Build(
            new ContinuousVariable("all missing", Enumerable.Repeat(double.NaN, 20).ToArray()),
            new ContinuousVariable("only in A", onlyA));
        Assert.Null(table.Rows[0].P);
        Assert.Equal(18, table.Rows[0].Missing);
        Assert.Contains(table.Rows[0].Notes, n => n.Contains("no non-missing values", StringComparison.Ordinal));
        Assert.Null(table.Rows[1].P);
        Assert.Contains(table.Rows[1].Notes, n => n.Contains("values only in group 'A'", StringComparison.Ordinal));
        Assert.Null(table.Rows[1].Smd);
    }

    [Fact]
    public void TooFewValuesForNormalityFallBackToARankTest()
    {
        var table = BaselineTableBuilder.Build(new BaselineGrouping("arm", new[] { 0, 1 }, ["A", "B"]),
            [new ContinuousVariable("x", new[] { 1.0, 2.0 })]);
        var row = table.Rows[0];
        Assert.Null(row.Normality);
        Assert.Contains(row.Notes, n => n.Contains("normality not assessed", StringComparison.Ordinal));
        Assert.Equal(BaselineTests.Wilcoxon, row.Test);
        Assert.Equal(1, row.P); // wilcox.test(1, 2): W = 0, p = 1 (exact)
    }

    [Fact]
    public void UndefinedForcedTestIsNullWithItsReason()
    {
        var table = BaselineTableBuilder.Build(new BaselineGrouping("arm", new[] { 0, 1, 1, 1 }, ["A", "B"]),
            [new ContinuousVariable("x", new[] { 1.0, 2.0, 3.5, 4.0 })],
            new BaselineTableOptions { ContinuousTest = ContinuousTestChoice.Welch });
        var row = table.Rows[0];
        Assert.Equal(BaselineTests.Welch, row.Test);
        Assert.Null(row.P);
        Assert.Contains(row.Notes, n => n.Contains("fewer than two values", StringComparison.Ordinal));
    }

    [Fact]
    public void ProgrammingErrorsThrow()
    {
        var by = new BaselineGrouping("arm", new[] { 0, 1, 1 }, ["A", "B"]);
        Assert.Throws<ArgumentException>(() => BaselineTableBuilder.Build(by, [new ContinuousVariable("x", new[] { 1.0, 2.0 })]));
        Assert.Throws<ArgumentOutOfRangeException>(() => BaselineTableBuilder.Build(by, [new CategoricalVariable("c", new[] { 0, 2, 1 }, ["u", "v"])]));
        Assert.Throws<ArgumentException>(() => BaselineTableBuilder.Build(by, [new ContinuousVariable("x", new[] { 1.0, double.PositiveInfinity, 2 })]));
        Assert.Throws<ArgumentOutOfRangeException>(() => BaselineTableBuilder.Build(new BaselineGrouping("arm", new[] { 0, 2 }, ["A", "B"]), []));
    }
}
