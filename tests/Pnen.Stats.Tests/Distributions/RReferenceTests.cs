using System.Globalization;
using System.Text.Json;
using Pnen.Stats.Distributions;

namespace Pnen.Stats.Tests.Distributions;

/// <summary>
/// The distribution functions (MathNet.Numerics underneath) against R 4.2.2 on 526 cases of
/// tests/TestData/distributions/distributions-reference.json (written by make-reference.R there):
/// upper tails down to 1e-300 (pnorm to z = 37.5, pchisq to x = 1300, pt, pf), lower tails, qnorm
/// from 1e-300, lgamma, pgamma and pbeta. Each function must agree to the relative tolerance given
/// (the project's 1e-5 for p-values is far looser; measured worst cases are in the comments).
/// </summary>
public sealed class RReferenceTests
{
    private static readonly JsonElement[] Cases = Load();

    private static JsonElement[] Load()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "distributions", "distributions-reference.json")));
        return document.RootElement.GetProperty("cases").EnumerateArray().Select(c => c.Clone()).ToArray();
    }

    [Theory]
    [InlineData("pnorm_upper", 1e-12)]      // worst 1.1e-13 (z = 30)
    [InlineData("pnorm_lower", 1e-12)]
    [InlineData("pnorm_two_sided", 1e-12)]
    [InlineData("qnorm", 1e-14)]            // worst 4.2e-16
    [InlineData("pchisq_upper", 1e-12)]     // worst 1.2e-13 (x = 1300, df = 30: p = 1.4e-254); the smallest case is 4.6e-308
    [InlineData("pt_two_sided", 1e-9)]      // worst 1.7e-10 (df = 100,000)
    [InlineData("pt_upper", 1e-9)]
    [InlineData("pf_upper", 1e-11)]         // worst 2.5e-13
    [InlineData("lgamma", 1e-13)]           // worst 1.6e-14
    [InlineData("gamma_p", 1e-13)]
    [InlineData("gamma_q", 1e-13)]
    [InlineData("beta_regularized", 1e-13)]
    public void AgreesWithR(string function, double tolerance)
    {
        var cases = Cases.Where(c => c.GetProperty("fn").GetString() == function).ToArray();
        Assert.NotEmpty(cases);
        foreach (var c in cases)
        {
            double Arg(string name) => double.Parse(c.GetProperty(name).GetString()!, CultureInfo.InvariantCulture);
            var expected = Arg("value");
            var actual = function switch
            {
                "pnorm_upper" => Normal.UpperTail(Arg("z")),
                "pnorm_lower" => Normal.Cdf(Arg("z")),
                "pnorm_two_sided" => Normal.TwoSidedP(Arg("z")),
                "qnorm" => Normal.Quantile(Arg("p")),
                "pchisq_upper" => ChiSquared.UpperTail(Arg("x"), Arg("df")),
                "pt_two_sided" => StudentT.TwoSidedP(Arg("t"), Arg("df")),
                "pt_upper" => StudentT.UpperTail(Arg("t"), Arg("df")),
                "pf_upper" => FisherF.UpperTail(Arg("f"), Arg("df1"), Arg("df2")),
                "lgamma" => SpecialFunctions.LogGamma(Arg("x")),
                "gamma_p" => SpecialFunctions.GammaP(Arg("a"), Arg("x")),
                "gamma_q" => SpecialFunctions.GammaQ(Arg("a"), Arg("x")),
                "beta_regularized" => SpecialFunctions.BetaRegularized(Arg("a"), Arg("b"), Arg("x")),
                _ => throw new ArgumentOutOfRangeException(nameof(function)),
            };
            var error = expected == 0 ? Math.Abs(actual) : Math.Abs(actual - expected) / Math.Abs(expected);
            Assert.True(error <= tolerance, $"{c}: R {expected:R}, Pnen {actual:R}, relative error {error:E2}");
        }
    }

    [Fact]
    public void TheTailsReachDownTo1EMinus300()
    {
        var smallest = Cases.Where(c => c.GetProperty("fn").GetString()!.EndsWith("_upper", StringComparison.Ordinal))
            .Min(c => double.Parse(c.GetProperty("value").GetString()!, CultureInfo.InvariantCulture));
        Assert.InRange(smallest, 1e-310, 1e-295);
    }
}
