using CsCheck;
using Pnen.Stats.Survival;
using Pnen.Stats.Survival.Cox;
using Pnen.Stats.Tests.Support;

namespace Pnen.Stats.Tests.Properties;

/// <summary>
/// The log-rank test does not depend on how groups are named or numbered; and with two groups it is
/// the score test of a Cox model with the group as its only (0/1) covariate. Precisely: the score
/// vector at beta = 0 is U = O - E for Breslow ties (and for Efron when no two events share a time);
/// the log-rank variance is V = Σ d n1 n0 (n - d) / (n² (n - 1)) over event times (hypergeometric),
/// the Breslow information I = Σ d n1 n0 / n² (binomial). So without tied events score = χ²(log-rank)
/// for both tie methods, and with ties score(Breslow) = χ²(log-rank) · V / I, which this test checks
/// with V and I counted from the data.
/// </summary>
public sealed class LogRankProperties
{
    [Fact]
    public void RelabellingTheGroupsChangesNothing()
    {
        var gen = Gen.Int[2, 4].SelectMany(k => SurvivalSamples.Small(k).SelectMany(s => Gen.Select(Gen.ULong, Gen.OneOf<double>(0.0, 1.0, 0.5)).Select((seed, rho) => (s, seed, rho))));
        FixedSample.Run(gen, x =>
        {
            var (sample, seed, rho) = x;
            var k = sample.Groups;
            string[] names = ["alpha", "beta", "gamma", "delta"];
            var permutation = SurvivalSamples.Shuffle(k, seed);
            var renamed = sample.Group.Select(g => permutation[g]).ToArray();
            var newNames = new string[k];
            for (var g = 0; g < k; g++) newNames[permutation[g]] = names[g].ToUpperInvariant() + "-" + g;

            var a = LogRank.Test(sample.Time, sample.Died, sample.Group, names[..k], rho);
            var b = LogRank.Test(sample.Time, sample.Died, renamed, newNames, rho);
            Assert.Equal(a.DegreesOfFreedom, b.DegreesOfFreedom);
            Approx.Equal(a.ChiSquare, b.ChiSquare, 1e-9, "chi-square");
            Approx.Equal(a.PValue, b.PValue, 1e-8, "p");
            foreach (var group in a.Groups)
            {
                var g = Array.IndexOf(names, group.Level);
                var same = b.Groups.Single(x => x.Level == newNames[permutation[g]]);
                Assert.Equal(group.N, same.N);
                Approx.Equal(group.Observed, same.Observed, 1e-12, "observed");
                Approx.Equal(group.Expected, same.Expected, 1e-9, "expected");
            }
        }, iterations: 2000, seed: 5);
    }

    [Fact]
    public void WithTwoGroupsItIsTheScoreTestOfACoxModel()
    {
        var compared = 0;
        var tiedCompared = 0;
        FixedSample.Run(SurvivalSamples.Small(groups: 2), sample =>
        {
            var logRank = LogRank.Test(sample.Time, sample.Died, sample.Group, ["a", "b"]);
            if (logRank.ChiSquare is not { } chi) return; // one group only, no events, or V = 0: nothing to compare
            CoxCovariate[] group = [new NumericCovariate("b", sample.Group.Select(g => (double)g).ToArray())];
            var breslow = CoxRegression.Fit(sample.Time, sample.Died, group, CoxOptions.Default with { Ties = CoxTies.Breslow });
            var efron = CoxRegression.Fit(sample.Time, sample.Died, group, CoxOptions.Default with { Ties = CoxTies.Efron });
            if (breslow.Score is null) return;

            var (v, i, tied) = Variances(sample);
            Approx.Equal(chi * v / i, breslow.Score.ChiSquare, 1e-9, "Breslow score = log-rank chi-square x V / I");
            if (!tied)
            {
                Approx.Equal(chi, breslow.Score.ChiSquare, 1e-9, "Breslow score without ties");
                Approx.Equal(chi, efron.Score!.ChiSquare, 1e-9, "Efron score without ties");
            }
            else
            {
                Assert.True(breslow.Score.ChiSquare <= chi * (1 + 1e-12) + 1e-12, "with ties the binomial information is the larger");
                tiedCompared++;
            }
            compared++;
        }, iterations: 3000, seed: 6);
        Assert.True(compared > 1000 && tiedCompared > 300, $"{compared} samples compared, {tiedCompared} with ties");
    }

    /// <summary>The log-rank (hypergeometric) variance and the Breslow information of the group
    /// indicator at beta = 0, summed over the distinct event times, and whether any time has two events.</summary>
    private static (double V, double I, bool Tied) Variances(SurvivalSample s)
    {
        double v = 0, info = 0;
        var tied = false;
        foreach (var t in s.Time.Where((_, i) => s.Died[i]).Distinct())
        {
            double n = 0, n1 = 0, d = 0;
            for (var i = 0; i < s.N; i++)
            {
                if (s.Time[i] < t) continue;
                n++;
                n1 += s.Group[i];
                if (s.Time[i] == t && s.Died[i]) d++;
            }
            var n0 = n - n1;
            info += d * n1 * n0 / (n * n);
            if (n > 1) v += d * n1 * n0 * (n - d) / (n * n * (n - 1));
            tied |= d > 1;
        }
        return (v, info, tied);
    }
}
