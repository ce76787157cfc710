using Pnen.Stats.Hypothesis;

namespace Pnen.Stats.Tests.Hypothesis;

/// <summary>
/// Shapiro-Wilk against R 4.2.2 <c>shapiro.test(x)</c>, printed with sprintf("%.17g"). The cases
/// cover every branch of AS R94: n = 3 (exact p), 4–5, 6–11 and ≥ 12, ties, and n near 5000.
/// </summary>
public class ShapiroWilkTests
{
    public static TheoryData<double[], double, double> SmallSamples => new()
    {
        { [2.1, 3.4, 1.9], 0.84798994974874398, 0.23508923424204678 },
        { [1, 2, 4, 8], 0.92020267879193995, 0.53808377727496992 },
        { [3.1, 2.2, 5.9, 4.4, 4.0], 0.98730854423293268, 0.96944428948810157 },
        { [1.2, 0.4, 2.8, 2.2, 3.9, 1.7], 0.99397453242500489, 0.99662351010729333 },
        { [5, 3, 8, 1, 9, 2, 7], 0.93585949824145431, 0.60175526327600992 },
        { [10.2, 9.8, 11.1, 10.5, 9.9, 10.0, 30.5, 10.3, 10.1, 9.7, 10.4], 0.40133866335710822, 1.0174483692645094e-07 },
        { [.. Enumerable.Range(1, 12).Select(i => (double)i * i)], 0.91629244147428457, 0.25667346766162569 },       // c(1:12)^2
        { [.. Enumerable.Range(1, 25).Select(i => Math.Sin(i) * 3 + i / 10.0)], 0.94357689434768299, 0.17897813129434609 }, // sin(1:25) * 3 + (1:25) / 10
        { [1, 1, 1, 2, 2, 3, 3, 3, 3, 4, 5, 5, 6], 0.91967964233506749, 0.24836820646088084 },
    };

    [Theory]
    [MemberData(nameof(SmallSamples))]
    public void MatchesR(double[] x, double w, double p)
    {
        var r = ShapiroWilkTest.Test(x);
        Near.Equal(w, r.Statistic, Near.Statistic, "W");
        Near.Equal(p, r.P, Near.PValue, "p");
        Assert.Equal(x.Length, r.N);
        Assert.Equal("W", r.StatisticName);
    }

    [Fact]
    public void LargeSamplesFromRsGenerator()
    {
        // set.seed(2025); x <- rnorm(5000); shapiro.test(x)        W = 0.99939946709796856, p = 0.10073206114538442
        // set.seed(99);   x <- exp(rnorm(4999)); shapiro.test(x)   W = 0.58967461489837181, p = 6.2729700248839328e-76
        // set.seed(3);    x <- rnorm(4000) + runif(4000)            W = 0.99955940431285817, p = 0.52318243238127737
        var normal = new RNormal(2025).Next(5000);
        Assert.Equal(0.62075673588628544, normal[0], 14); // the sample is R's: x[1]
        var r = ShapiroWilkTest.Test(normal);
        Near.Equal(0.99939946709796856, r.Statistic, Near.Statistic, "W");
        Near.Equal(0.10073206114538442, r.P, Near.PValue, "p");

        var lognormal = new RNormal(99).Next(4999).Select(Math.Exp).ToArray();
        var s = ShapiroWilkTest.Test(lognormal);
        Near.Equal(0.58967461489837181, s.Statistic, Near.Statistic, "W");
        Near.Equal(6.2729700248839328e-76, s.P, Near.PValue, "p");

        var generator = new RNormal(3);
        var mixed = generator.Next(4000);
        for (var i = 0; i < mixed.Length; i++) mixed[i] += generator.NextUniform();
        var m = ShapiroWilkTest.Test(mixed);
        Near.Equal(0.99955940431285817, m.Statistic, Near.Statistic, "W");
        Near.Equal(0.52318243238127737, m.P, Near.PValue, "p");
    }

    [Fact]
    public void MissingValuesAreLeftOut()
    {
        var r = ShapiroWilkTest.Test([2.1, double.NaN, 3.4, 1.9]);
        Near.Equal(0.84798994974874398, r.Statistic, Near.Statistic);
        Assert.Equal(3, r.N);
    }

    [Theory]
    [InlineData(new double[] { 1, 2 }, "there are 2")]
    [InlineData(new double[] { 4, 4, 4, 4 }, "identical")]
    public void OutsideItsDomainThereIsNoTest(double[] x, string reason)
    {
        var r = ShapiroWilkTest.Test(x);
        Assert.Null(r.Statistic);
        Assert.Null(r.P);
        Assert.Contains(r.Warnings, w => w.Contains(reason, StringComparison.Ordinal));
    }

    [Fact]
    public void MoreThan5000ValuesHaveNoTest()
    {
        var r = ShapiroWilkTest.Test(new RNormal(1).Next(5001));
        Assert.Null(r.P);
        Assert.Contains(r.Warnings, w => w.Contains("5000", StringComparison.Ordinal));
    }

    [Fact]
    public void InfiniteValuesAreAProgrammingError() =>
        Assert.Throws<ArgumentException>(() => ShapiroWilkTest.Test([1, 2, double.PositiveInfinity]));
}
