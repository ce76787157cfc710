using Pnen.Stats.Hypothesis;
using Pnen.Stats.Survival.Standardization;

namespace Pnen.Stats.Tests.Weighting;

/// <summary>The bootstrap's row draws are R's: values printed by R 4.2.2 (Mersenne-Twister, Inversion,
/// Rejection) for <c>set.seed(s); sample(n, replace = TRUE)</c>.</summary>
public class RSampleTests
{
    [Fact]
    public void DrawsAsRSampleWithReplacement()
    {
        // set.seed(20261203); sample(227, replace = TRUE)[1:12]
        var draw = RSample.WithReplacement(new RCompatibleRandom(20261203), 227);
        Assert.Equal([38, 100, 121, 192, 52, 31, 166, 118, 112, 153, 215, 184], draw.Take(12).Select(i => i + 1));
    }

    [Fact]
    public void DrawsAsRForASmallN()
    {
        // set.seed(7); sample(5, 12, replace = TRUE): the first 5 draws come from one sample(5) call's stream.
        var random = new RCompatibleRandom(7);
        var draws = RSample.WithReplacement(random, 5).Concat(RSample.WithReplacement(random, 5)).Take(12);
        Assert.Equal([2, 3, 4, 2, 2, 3, 3, 2, 4, 3], draws.Select(i => i + 1));
    }
}
