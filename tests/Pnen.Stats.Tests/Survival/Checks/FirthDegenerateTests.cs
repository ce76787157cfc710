using Pnen.Stats.Survival.Cox;
using Pnen.Stats.Survival.Cox.Firth;

namespace Pnen.Stats.Tests.Survival.Checks;

/// <summary>Firth's fit on data where some column cannot be estimated: the same defined answers as
/// <see cref="CoxRegression"/> (dropped by name, never a NaN), and the fit of what remains.</summary>
public class FirthDegenerateTests
{
    private static readonly double[] Time = [5, 8, 3, 12, 7, 2, 9, 4, 11, 6, 10, 1];
    private static readonly bool[] Status = [true, false, true, true, false, true, true, false, true, true, false, true];
    private static readonly double[] X1 = [0.5, -1.2, 0.3, 1.8, -0.4, 2.1, 0.0, -0.7, 1.1, 0.9, -1.5, 1.4];

    [Fact]
    public void ACollinearColumnIsDroppedAndTheRestFitted()
    {
        var x2 = X1.Select(v => 2 * v + 1).ToArray();
        var both = FirthCoxRegression.Fit(Time, Status, [new NumericCovariate("x1", X1), new NumericCovariate("x2", x2)]);
        var alone = FirthCoxRegression.Fit(Time, Status, [new NumericCovariate("x1", X1)]);
        Assert.Equal("x2", Assert.Single(both.DroppedTerms).Variable);
        Assert.Contains(both.Warnings, w => w.StartsWith("x2 was dropped", StringComparison.Ordinal));
        var term = Assert.Single(both.Terms);
        Assert.Equal(alone.Terms[0].Coefficient, term.Coefficient, 10);
        Assert.Equal(alone.Terms[0].Lower!.Value, term.Lower!.Value, 8);
    }

    [Fact]
    public void AConstantColumnIsDropped()
    {
        var result = FirthCoxRegression.Fit(Time, Status, [new NumericCovariate("x1", X1), new NumericCovariate("k", Enumerable.Repeat(5.0, 12).ToArray())]);
        Assert.Equal("k", Assert.Single(result.DroppedTerms).Variable);
        Assert.Single(result.Terms);
    }

    [Fact]
    public void NoEventsNothingToEstimate()
    {
        var result = FirthCoxRegression.Fit([1, 2, 3], [false, false, false], [new NumericCovariate("x", [1, 0, 1])]);
        Assert.Empty(result.Terms);
        Assert.Null(result.LikelihoodRatio);
        Assert.Contains(result.Warnings, w => w.Contains("no events", StringComparison.Ordinal));
        Assert.Equal("x", Assert.Single(result.DroppedTerms).Variable);
    }

    [Fact]
    public void MissingCovariatesLeaveRowsOut()
    {
        var x = (double[])X1.Clone();
        x[3] = double.NaN;
        var result = FirthCoxRegression.Fit(Time, Status, [new NumericCovariate("x1", x)]);
        Assert.Equal(11, result.N);
        Assert.Equal(1, result.Dropped);
        Assert.StartsWith("1 row was left out", result.Warnings[0], StringComparison.Ordinal);
    }
}
