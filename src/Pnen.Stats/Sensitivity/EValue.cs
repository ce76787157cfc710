namespace Pnen.Stats.Sensitivity;

/// <summary>
/// The E-value of VanderWeele and Ding (Ann Intern Med 2017): the minimum strength of association, on
/// the risk ratio scale, that an unmeasured confounder would need with both the exposure and the
/// outcome to explain away an observed association. As the EValue package's evalues.HR / evalues.RR
/// and threshold(): a hazard ratio is first taken as a risk ratio (rare outcome: RR = HR; common
/// outcome: RR = (1 − 0.5^√HR) / (1 − 0.5^√(1/HR)), VanderWeele 2020), then E = RR + √(RR(RR − 1)) for
/// RR ≥ 1, and the same of 1/RR below 1. For the interval, the E-value of the limit nearest 1, or 1
/// when the interval includes 1.
/// </summary>
public static class EValue
{
    /// <summary>E-values of a hazard ratio and its confidence limits (either limit may be absent).</summary>
    public static EValueResult ForHazardRatio(double estimate, double? lower = null, double? upper = null, bool commonOutcome = false)
    {
        Check(estimate, lower, upper);
        var rr = ToRiskRatio(estimate, commonOutcome);
        var rrLower = lower is { } l ? ToRiskRatio(l, commonOutcome) : (double?)null;
        var rrUpper = upper is { } u ? ToRiskRatio(u, commonOutcome) : (double?)null;
        return new EValueResult(ForRiskRatio(rr), ConfidenceLimit(rr, rrLower, rrUpper), rr, rrLower, rrUpper);
    }

    /// <summary>E-values of a risk ratio and its confidence limits.</summary>
    public static EValueResult ForRiskRatio(double estimate, double? lower, double? upper)
    {
        Check(estimate, lower, upper);
        return new EValueResult(ForRiskRatio(estimate), ConfidenceLimit(estimate, lower, upper), estimate, lower, upper);
    }

    /// <summary>RR + √(RR(RR − 1)), of 1/RR when RR &lt; 1 (EValue's threshold() with true = 1).</summary>
    public static double ForRiskRatio(double rr)
    {
        if (!(rr > 0) || !double.IsFinite(rr)) throw new ArgumentOutOfRangeException(nameof(rr), rr, "a risk ratio is positive and finite");
        if (rr < 1) rr = 1 / rr;
        return rr + Math.Sqrt(rr * (rr - 1));
    }

    /// <summary>The hazard ratio on the risk ratio scale: itself for a rare outcome (under 15% by the end
    /// of follow-up), (1 − 0.5^√HR) / (1 − 0.5^√(1/HR)) for a common one.</summary>
    public static double ToRiskRatio(double hazardRatio, bool commonOutcome) =>
        commonOutcome ? (1 - Math.Pow(0.5, Math.Sqrt(hazardRatio))) / (1 - Math.Pow(0.5, Math.Sqrt(1 / hazardRatio))) : hazardRatio;

    /// <summary>evalues.RR's rule: 1 when the interval includes 1 (an estimate of exactly 1 included),
    /// else the E-value of the limit on the side of 1; null when that limit was not given.</summary>
    private static double? ConfidenceLimit(double rr, double? lower, double? upper)
    {
        if (rr == 1) return 1;
        var nearest = rr > 1 ? lower : upper;
        if (nearest is not { } limit) return null;
        var includesOne = rr > 1 ? limit < 1 : limit > 1;
        return includesOne ? 1 : ForRiskRatio(limit);
    }

    private static void Check(double estimate, double? lower, double? upper)
    {
        if (!(estimate > 0) || !double.IsFinite(estimate)) throw new ArgumentOutOfRangeException(nameof(estimate), estimate, "the estimate must be positive and finite");
        if (lower is { } l && (!(l > 0) || !double.IsFinite(l) || l > estimate)) throw new ArgumentOutOfRangeException(nameof(lower), l, "the lower limit must be positive, finite and not above the estimate");
        if (upper is { } u && (!(u > 0) || !double.IsFinite(u) || u < estimate)) throw new ArgumentOutOfRangeException(nameof(upper), u, "the upper limit must be positive, finite and not below the estimate");
    }
}

/// <summary>The E-value of the estimate (<see cref="Point"/>) and of its confidence interval
/// (<see cref="ConfidenceLimit"/>: 1 when it includes 1, null without the limit nearest 1), and the
/// risk ratios they were computed from.</summary>
public sealed record EValueResult(double Point, double? ConfidenceLimit, double RiskRatio, double? RiskRatioLower, double? RiskRatioUpper);
