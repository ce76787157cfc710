namespace PnenSurgery.Synthesis.Calibration;

/// <summary>
/// How far a calibrated cohort is from the paper, as one number (smaller is better): squared log
/// ratios for hazard ratios (weight 3) and medians (weight 2); two points for every log-rank P
/// on the wrong side of the screening threshold (those decide which variables a P &lt;= 0.15
/// screen selects) and a little for the distance of log10 P; two points for every adjusted
/// (Cox) P on the other side of 0.05 than the paper's, which would change a conclusion; squared standardised misses for
/// deaths and follow-up. <see cref="Plausibility"/> adds how far the generating effects had to
/// move from the published ones: a seed whose cohort needs odd effects to show the published
/// estimates (say, a protective chemotherapy effect behind a fitted HR of 1.6) ranks lower.
/// </summary>
public static class SeedScore
{
    public static double Compute(IReadOnlyDictionary<string, double?> measures) =>
        Compute(measures, PublishedTargets.All);

    public static double Compute(IReadOnlyDictionary<string, double?> measures, IEnumerable<Target> targets)
    {
        var score = 0.0;
        foreach (var target in targets)
        {
            var value = measures.TryGetValue(target.Key, out var v) ? v : null;
            score += target.Weight * Penalty(target, value);
        }
        return score;
    }

    public const double PlausibilityWeight = 1.0;

    /// <summary>Weighted squared distance of the calibrated log hazard ratios from the start point.</summary>
    public static double Plausibility(IReadOnlyList<double> beta)
    {
        var prior = Calibrator.PriorBeta();
        var sum = 0.0;
        for (var i = 0; i < prior.Length; i++) sum += Math.Pow(beta[i] - prior[i], 2);
        return PlausibilityWeight * sum;
    }

    public static double Penalty(Target target, double? value)
    {
        switch (target.Kind)
        {
            case TargetKind.HazardRatio:
            case TargetKind.Median:
                if (value is not { } x || x <= 0) return 1.0; // not reached / not estimable
                var log = Math.Log(x / target.Published);
                return target.Kind == TargetKind.HazardRatio ? 3 * log * log : 2 * log * log;
            case TargetKind.PValue:
                if (value is not { } p) return 1.0;
                var wrongSide = (p <= Target.Screening) != (target.Published <= Target.Screening);
                var distance = Math.Log10(Math.Max(p, 1e-12) / target.Published);
                return (wrongSide ? 2.0 : 0.0) + 0.01 * distance * distance;
            case TargetKind.AdjustedPValue:
                if (value is not { } q) return 1.0;
                return (q <= Target.Significance) != (target.Published <= Target.Significance) ? 2.0 : 0.0;
            case TargetKind.Count:
                return value is { } d ? Math.Pow((d - target.Published) / 3, 2) : 1.0;
            case TargetKind.Months:
                return value is { } mo ? Math.Pow((mo - target.Published) / 3, 2) : 1.0;
            default:
                throw new ArgumentOutOfRangeException(nameof(target));
        }
    }
}
