using Pnen.Stats.Regression;

namespace Pnen.Stats.Tests.Regression;

/// <summary>
/// The IRLS normal equations must be the very sums glm.fit's scalar loop adds, whatever the SIMD width,
/// the pairing of rows or the split of the triangle between two cores: each cell is compared, to the
/// last bit, with the textbook loop written out below (for a: wxa = w·x_a; rhs_a += wxa·z (IRLS) or
/// z·x_a (score); for b ≥ a: M_ab += wxa·x_b, rows in order). Sizes cover one row, an odd number of
/// rows (the unpaired last row), a last row read through the padded buffer, and more rows than the
/// two-core threshold.
/// </summary>
public class WeightedCrossProductsTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(1, 4)]
    [InlineData(2, 3)]
    [InlineData(5, 2)]
    [InlineData(7, 10)]
    [InlineData(40_001, 10)]
    [InlineData(40_000, 3)]
    [InlineData(33_333, 7)]
    public void SumsAreThoseOfTheScalarLoopBitForBit(int n, int p)
    {
        var random = new Random(20261203 + n + p);
        var x = new double[n * p];
        for (var i = 0; i < x.Length; i++) x[i] = i % p == 0 ? 1 : random.NextDouble() * 4 - 2;
        var w = new double[n];
        var z = new double[n];
        for (var i = 0; i < n; i++)
        {
            w[i] = random.NextDouble() * 0.25;
            z[i] = random.NextDouble() * 6 - 3;
        }

        foreach (var scaled in new[] { true, false })
        {
            var (information, rhs) = WeightedCrossProducts.Compute(x, n, p, w, z, scaled);
            var expectedInformation = new double[p * p];
            var expectedRhs = new double[p];
            for (var i = 0; i < n; i++)
            {
                for (var a = 0; a < p; a++)
                {
                    var wxa = w[i] * x[i * p + a];
                    expectedRhs[a] += scaled ? wxa * z[i] : z[i] * x[i * p + a];
                    for (var b = a; b < p; b++) expectedInformation[a * p + b] += wxa * x[i * p + b];
                }
            }
            for (var a = 0; a < p; a++)
            {
                Assert.Equal(BitConverter.DoubleToInt64Bits(expectedRhs[a]), BitConverter.DoubleToInt64Bits(rhs[a]));
                for (var b = a; b < p; b++)
                {
                    Assert.Equal(BitConverter.DoubleToInt64Bits(expectedInformation[a * p + b]), BitConverter.DoubleToInt64Bits(information[a * p + b]));
                }
            }
        }
    }
}
