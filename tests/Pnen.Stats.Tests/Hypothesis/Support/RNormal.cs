using Pnen.Stats.Distributions;
using Pnen.Stats.Hypothesis;

namespace Pnen.Stats.Tests.Hypothesis;

/// <summary>
/// R's <c>rnorm</c> with the default "Inversion" method, on top of the library's R-compatible
/// uniform stream: u = (⌊2²⁷·U₁⌋ + U₂) / 2²⁷, then qnorm(u). Lets a test rebuild R's random samples
/// (e.g. <c>set.seed(2025); rnorm(5000)</c>) instead of committing them.
/// </summary>
internal sealed class RNormal(int seed)
{
    private const double Big = 134217728; // 2^27
    private readonly RCompatibleRandom _uniform = new(seed);

    public double Next()
    {
        var u = _uniform.NextUniform();
        u = (int)(Big * u) + _uniform.NextUniform();
        return Normal.Quantile(u / Big);
    }

    public double[] Next(int count)
    {
        var values = new double[count];
        for (var i = 0; i < count; i++) values[i] = Next();
        return values;
    }

    public double NextUniform() => _uniform.NextUniform();
}
