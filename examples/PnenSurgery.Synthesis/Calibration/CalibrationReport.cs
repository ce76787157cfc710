using System.Globalization;
using System.Text;
using PnenSurgery.Synthesis.Survival;

namespace PnenSurgery.Synthesis.Calibration;

/// <summary>The calibration as Markdown: every survival-dependent target beside the synthetic value, and the model.</summary>
public static class CalibrationReport
{
    public static string Markdown(CalibrationResult result)
    {
        var text = new StringBuilder();
        text.Append(Invariant($"Seed {result.Seed}, descriptive shuffle {result.Shuffle}, score {result.Score:0.000} (of which plausibility {SeedScore.Plausibility(result.Parameters.Beta):0.000})\n\n"));
        text.Append("| target | published | synthetic | difference |\n| --- | ---: | ---: | ---: |\n");
        foreach (var target in PublishedTargets.All)
        {
            var value = result.Measures.TryGetValue(target.Key, out var v) ? v : null;
            text.Append(Invariant($"| {target.Label} | {Format(target, target.Published)} | {(value is { } x ? Format(target, x) : "not reached")} | {Difference(target, value)} |\n"));
        }
        text.Append("\n| model parameter | value |\n| --- | ---: |\n");
        var p = result.Parameters;
        for (var i = 0; i < Coefficient.Count; i++)
        {
            text.Append(Invariant($"| HR {Coefficient.Names[i]} | {Math.Exp(p.Beta[i]):0.000} |\n"));
        }
        text.Append(Invariant($"| baseline hazard after {SurvivalParameters.ChangeMonths:0} months, relative | {p.LateHazardRatio:0.000} |\n| baseline scale λ (months) | {p.Scale:0.000} |\n| accrual exponent a | {p.AccrualExponent:0.000} |\n"));
        return text.ToString();
    }

    private static string Format(Target target, double value) => target.Kind switch
    {
        TargetKind.HazardRatio => Invariant($"{value:0.000}"),
        TargetKind.PValue or TargetKind.AdjustedPValue => Invariant($"{value:0.000}"),
        TargetKind.Count => Invariant($"{value:0}"),
        _ => Invariant($"{value:0.0}"),
    };

    private static string Difference(Target target, double? value)
    {
        if (value is not { } x) return "-";
        return target.Kind switch
        {
            TargetKind.HazardRatio or TargetKind.Median => Invariant($"{100 * (x / target.Published - 1):+0.0;-0.0;0.0}%"),
            TargetKind.PValue => (x <= Target.Screening) == (target.Published <= Target.Screening) ? "same side of 0.15" : "**other side of 0.15**",
            TargetKind.AdjustedPValue => (x <= Target.Significance) == (target.Published <= Target.Significance) ? "same side of 0.05" : "**other side of 0.05**",
            _ => Invariant($"{x - target.Published:+0.0;-0.0;0.0}"),
        };
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
