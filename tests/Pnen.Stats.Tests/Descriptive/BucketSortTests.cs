using Pnen.Stats.Descriptive;
using Xunit;

namespace Pnen.Stats.Tests.Descriptive;

/// <summary>The bucket sort gives exactly the order of a comparison sort, whatever the values' spread.</summary>
public class BucketSortTests
{
    public static TheoryData<string> Spreads => ["uniform", "lognormal", "ties", "negative", "constant", "extremes", "few ulps", "subnormal range", "small"];

    [Theory]
    [MemberData(nameof(Spreads))]
    public void EqualsArraySort(string spread)
    {
        var random = new Random(20261203);
        var n = spread == "small" ? 1000 : 50_000;
        var values = new double[n];
        for (var i = 0; i < n; i++)
        {
            var u = random.NextDouble();
            values[i] = spread switch
            {
                "uniform" => u * 100,
                "lognormal" => Math.Exp(6 * (u - 0.5) * (u - 0.5) * Math.Sign(u - 0.5) * 8),
                "ties" => Math.Floor(u * 7),
                "negative" => -50 + u * 20,
                "constant" => 3.25,
                "extremes" => i % 3 == 0 ? -double.MaxValue : i % 3 == 1 ? double.MaxValue : u,
                "few ulps" => 1 + u * 1e-15,
                "subnormal range" => u * 1e-310, // the scale overflows: the comparison sort

                _ => u,
            };
        }
        var expected = (double[])values.Clone();
        Array.Sort(expected);

        BucketSort.Sort(values);

        Assert.Equal(expected, values);
    }
}
