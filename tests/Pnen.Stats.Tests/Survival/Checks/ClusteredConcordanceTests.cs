using Pnen.Stats.Survival;
using Pnen.Stats.Survival.Cox;

namespace Pnen.Stats.Tests.Survival.Checks;

/// <summary>
/// <see cref="CoxConcordance.Of(SurvivalData, IReadOnlyList{CoxCovariate}, CoxResult, CoxOptions?, CoxStrata?)"/>:
/// with clusters the influence of a cluster's rows is summed before it is squared (R's concordancefit
/// with cluster =; against R on lung with cluster = inst in tests/Pnen.Dsl.Tests/Study/ModelChecksTests).
/// Here what follows from that definition by hand: clusters of one row each give the unclustered
/// standard error, C never depends on the clusters, a missing cluster leaves its row out as the fit does,
/// and data the overload does not handle are refused.
/// </summary>
public class ClusteredConcordanceTests
{
    private static readonly double[] Time = [5, 8, 8, 12, 15, 17, 20, 21, 25, 30, 31, 40];
    private static readonly bool[] Status = [true, true, false, true, false, true, true, false, true, true, false, true];
    private static readonly CoxCovariate[] X = [new NumericCovariate("x", [2.1, 0.4, 1.7, 1.0, -0.3, 0.8, 0.2, 1.1, -0.9, -0.2, 0.5, -1.4])];

    private static CoxResult Fit(SurvivalData data) => CoxRegression.Fit(data, X);

    [Fact]
    public void OneRowPerClusterIsTheUnclusteredStandardError()
    {
        var plain = new SurvivalData(Time, Status);
        var singletons = plain with { Cluster = Enumerable.Range(0, Time.Length).ToArray() };
        var expected = CoxConcordance.Of(Time, Status, X, Fit(plain));
        var clustered = CoxConcordance.Of(singletons, X, Fit(singletons));
        Assert.Equal(expected.C!.Value, clustered.C!.Value, 12);
        Assert.Equal(expected.StdErr!.Value, clustered.StdErr!.Value, 12);
    }

    [Fact]
    public void ClustersChangeTheStandardErrorNotC()
    {
        var data = new SurvivalData(Time, Status) { Cluster = [0, 0, 0, 1, 1, 1, 2, 2, 2, 3, 3, 3] };
        var plain = CoxConcordance.Of(Time, Status, X, Fit(new SurvivalData(Time, Status)));
        var clustered = CoxConcordance.Of(data, X, Fit(data));
        Assert.Equal(plain.C!.Value, clustered.C!.Value, 12);
        Assert.NotEqual(plain.StdErr!.Value, clustered.StdErr!.Value, 6);
        // Without clusters the overload is the plain one.
        var none = CoxConcordance.Of(new SurvivalData(Time, Status), X, Fit(new SurvivalData(Time, Status)));
        Assert.Equal(plain.StdErr!.Value, none.StdErr!.Value, 15);
    }

    [Fact]
    public void AMissingClusterLeavesItsRowOut()
    {
        int[] cluster = [0, 0, 0, 1, 1, -1, 2, 2, 2, 3, 3, 3];
        var data = new SurvivalData(Time, Status) { Cluster = cluster };
        var kept = Enumerable.Range(0, Time.Length).Where(i => cluster[i] >= 0).ToArray();
        var subset = new SurvivalData(kept.Select(i => Time[i]).ToArray(), kept.Select(i => Status[i]).ToArray()) { Cluster = kept.Select(i => cluster[i]).ToArray() };
        CoxCovariate[] x = [new NumericCovariate("x", kept.Select(i => ((NumericCovariate)X[0]).Values[i]).ToArray())];
        var expected = CoxConcordance.Of(subset, x, CoxRegression.Fit(subset, x));
        var result = CoxConcordance.Of(data, X, Fit(data));
        Assert.Equal(expected.C!.Value, result.C!.Value, 12);
        Assert.Equal(expected.StdErr!.Value, result.StdErr!.Value, 12);
    }

    [Fact]
    public void EntryTimesAndWeightsAreRefused()
    {
        var withStart = new SurvivalData(Time, Status) { Start = Time.Select(t => t - 1).ToArray() };
        Assert.Throws<ArgumentException>(() => CoxConcordance.Of(withStart, X, Fit(new SurvivalData(Time, Status))));
        var weighted = new SurvivalData(Time, Status) { Weights = Time.Select(_ => 2.0).ToArray() };
        Assert.Throws<ArgumentException>(() => CoxConcordance.Of(weighted, X, Fit(new SurvivalData(Time, Status))));
    }
}
