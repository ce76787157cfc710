namespace Pnen.Cli.Tests;

/// <summary>The "rmst" cases of r-reference.json through `pnen km --tau` (R survival 3.5-3, survmean).</summary>
public class RestrictedMeanContractTests
{
    public static IEnumerable<object[]> Cases => ReferenceCases.OfKind("rmst");

    [Theory]
    [MemberData(nameof(Cases))]
    public void KmWithTauReportsTheRestrictedMean(string name)
    {
        var c = ReferenceCases.Named(name);
        var tau = c.GetProperty("tau").GetDouble().ToString("R", System.Globalization.CultureInfo.InvariantCulture);
        var json = CliRunner.Json("km", "--data", CliRunner.Data(c.GetProperty("data").GetString()!), "--time", c.GetProperty("time").GetString()!,
            "--event", c.GetProperty("event").GetString()!, "--tau", tau);
        var rmst = json.GetProperty("groups")[0].GetProperty("rmst");
        Close.To(c.GetProperty("tau").GetDouble(), Close.Value(rmst, "tau"), 1e-12, $"{name} tau");
        Close.To(c.GetProperty("rmst").GetDouble(), Close.Value(rmst, "mean"), 1e-6, $"{name} rmst");
        Close.To(c.GetProperty("se").GetDouble(), Close.Value(rmst, "se"), 1e-6, $"{name} se");
    }
}
