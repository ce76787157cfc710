using CsCheck;
using Pnen.Stats.Survival;

namespace Pnen.Stats.Tests.Properties;

/// <summary>
/// Kaplan-Meier on any data: survival starts at or below 1, never rises, stays in [0, 1]; every
/// confidence limit that exists is in [0, 1] and brackets the estimate; standard errors are finite
/// and non-negative or absent; the risk set shrinks by exactly the events and censorings before it;
/// the median is a time of the curve or not reached. 3,000 samples on a fixed seed, for each
/// confidence type.
/// </summary>
public sealed class KaplanMeierProperties
{
    public static TheoryData<ConfidenceType> Types => [ConfidenceType.Log, ConfidenceType.LogLog, ConfidenceType.Plain];

    [Theory]
    [MemberData(nameof(Types))]
    public void SurvivalIsANonIncreasingProbabilityWithLimitsAroundIt(ConfidenceType type)
    {
        var options = KaplanMeierOptions.Default with { ConfidenceType = type };
        FixedSample.Run(SurvivalSamples.Small(groups: 3), sample =>
        {
            var curves = KaplanMeier.FitGroups(sample.Time, sample.Died, sample.Group, ["a", "b", "c"], options);
            Assert.Equal(sample.N, curves.Sum(c => c.N));
            foreach (var curve in curves)
            {
                var previous = 1.0;
                var atRisk = curve.N;
                foreach (var step in curve.Steps)
                {
                    Assert.InRange(step.Survival, 0, 1);
                    Assert.True(step.Survival <= previous, $"survival rose from {previous} to {step.Survival} at t = {step.Time}");
                    Assert.Equal(atRisk, step.AtRisk);
                    Assert.True(step.Events + step.Censored > 0);
                    if (step.StdErr is { } se) Assert.True(double.IsFinite(se) && se >= 0, $"se = {se}");
                    if (step.Lower is { } lower)
                    {
                        Assert.InRange(lower, 0, 1);
                        Assert.True(lower <= step.Survival + 1e-12, $"lower {lower} above S {step.Survival}");
                    }
                    if (step.Upper is { } upper)
                    {
                        Assert.InRange(upper, 0, 1);
                        Assert.True(upper >= step.Survival - 1e-12, $"upper {upper} below S {step.Survival}");
                    }
                    previous = step.Survival;
                    atRisk -= step.Events + step.Censored;
                }
                Assert.Equal(0, atRisk);
                Assert.Equal(curve.Events, curve.Steps.Sum(s => s.Events));
                if (curve.Median.Time is { } median) Assert.Contains(curve.Steps, s => Math.Abs(s.Time - median) < 1e-9 || median > s.Time);
                else Assert.True(curve.Steps.Count == 0 || curve.Steps[^1].Survival >= 0.5 - 1.49e-8, "median not reached although S fell below 1/2");
            }
        }, iterations: 3000, seed: 1);
    }

    [Fact]
    public void TheRowOrderDoesNotMatter()
    {
        FixedSample.Run(SurvivalSamples.Small().SelectMany(s => Gen.ULong.Select(seed => (s, seed))), x =>
        {
            var (sample, seed) = x;
            var shuffled = sample.Permuted(SurvivalSamples.Shuffle(sample.N, seed));
            var a = KaplanMeier.Fit(sample.Time, sample.Died);
            var b = KaplanMeier.Fit(shuffled.Time, shuffled.Died);
            Assert.Equal(a.Steps, b.Steps);
            Assert.Equal(a.Median, b.Median);
        }, iterations: 1000, seed: 2);
    }
}
