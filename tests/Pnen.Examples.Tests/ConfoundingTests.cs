using System.Globalization;
using System.Text.RegularExpressions;
using PnenSurgery;

namespace Pnen.Examples.Tests;

/// <summary>
/// The example's propensity-weighted sensitivity analysis: its typed results, what the report says of
/// them, and the rules every report keeps (no NaN or infinity anywhere, the love plot's ±0.1 lines).
/// </summary>
public class ConfoundingTests
{
    [Fact]
    public void TheTypedResultsReachTheBalanceAndTheEValues()
    {
        var cohort = ExampleRun.Result.Cohort;
        var age = cohort.Weighting.Balance.Age;
        Assert.NotNull(age[Surgery.PHR].Before);
        Assert.NotNull(age.After);
        Assert.NotNull(cohort.Weighting.Balance.Grade[Grade.NEC][Surgery.PR].After);
        Assert.NotNull(cohort.Weighting.Balance.HeadNeckPrimary[true][Surgery.PHR].Before);
        Assert.NotNull(cohort.Weighting[Surgery.PHR].EValue);
        Assert.NotNull(cohort.Models.Crude[Surgery.PHR].EValue);
        Assert.NotNull(cohort.AdjustedCurves[Surgery.PHR].Rmst?.Lower);
        // The pNEC subgroup has no PHR patient: nothing to compare, and the results say so.
        var pnec = ExampleRun.Result.Subgroups.PnecShm;
        Assert.Null(pnec.Weighting[Surgery.PHR].HazardRatio);
        Assert.Contains(pnec.Weighting.Result.Notes, n => n is Dsl.LevelsWithoutRecords);
    }

    [Fact]
    public void TheReportSaysTheBalanceItComputed()
    {
        var weighting = ExampleRun.Result.Cohort.Weighting.Result;
        var before = weighting.Balance.Max(b => Math.Abs(b.Before ?? 0));
        var after = weighting.Balance.Max(b => Math.Abs(b.After ?? 0));
        var report = ExampleRun.Text("report.md");
        Assert.Contains($"the largest absolute standardised difference is {before.ToString("0.000", CultureInfo.InvariantCulture)} before weighting and {after.ToString("0.000", CultureInfo.InvariantCulture)} after", report);
        Assert.Contains("## Confounding by indication", report);
    }

    [Fact]
    public void NoReportFileHoldsANaNOrAnInfinity()
    {
        foreach (var file in Directory.EnumerateFiles(ExampleRun.File(""), "*", SearchOption.AllDirectories).Where(f => !f.EndsWith(".png", StringComparison.Ordinal)))
        {
            var text = File.ReadAllText(file);
            Assert.DoesNotMatch(@"\bNaN\b|Infinity", text);
        }
    }

    [Fact]
    public void TheLovePlotDrawsTheThresholdsSymmetricallyAboutZero()
    {
        var svg = ExampleRun.Text("figures/love-plot-final-cohort.svg");
        var dashed = Regex.Matches(svg, "<line x1=\"([0-9.]+)\"[^>]*stroke-dasharray").Select(m => double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).ToArray();
        var solid = Regex.Matches(svg, "<line x1=\"([0-9.]+)\" y1=\"64.00\"[^>]*stroke=\"#595959\" stroke-width=\"1.00\"/>").Select(m => double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).ToArray();
        // Two comparisons (PR and PHR against NR): a zero line and two dashed lines each, the dashed ones equally far from zero.
        Assert.Equal(4, dashed.Length);
        Assert.Equal(2, solid.Length);
        for (var p = 0; p < 2; p++) Assert.Equal(solid[p] - dashed[2 * p], dashed[2 * p + 1] - solid[p], 2);
    }
}
