using Pnen.Stats.Sensitivity;
using Pnen.Stats.Survival;

namespace Pnen.Dsl;

public sealed partial record Estimate
{
    /// <summary>The E-values of the hazard ratio and of its confidence limit nearest 1 (VanderWeele and Ding,
    /// Ann Intern Med 2017;167:268), with the hazard ratio taken as a risk ratio both ways (rare and common
    /// outcome); the cohort's <see cref="CohortResult{TX}.EValueOutcome"/> says which applies. Null for a row
    /// without a finite hazard ratio and limits (the reference, a term left out, a possibly infinite one).</summary>
    public EValues? EValue => EValues.Of(this);
}

/// <summary>
/// The E-values of one hazard ratio: <see cref="Rare"/> takes the hazard ratio as the risk ratio (an outcome
/// under about 15% by the end of follow-up), <see cref="Common"/> converts it as
/// RR = (1 − 0.5^√HR) / (1 − 0.5^√(1/HR)) (VanderWeele, Biometrics 2020), as the EValue package's evalues.HR.
/// Each has the E-value of the estimate (<c>Point</c>) and of the limit nearest 1 (<c>ConfidenceLimit</c>; 1 when
/// the interval includes 1).
/// </summary>
public sealed record EValues(EValueResult Rare, EValueResult Common)
{
    /// <summary>The E-values for an outcome that is common (true) or rare (false).</summary>
    public EValueResult For(bool commonOutcome) => commonOutcome ? Common : Rare;

    /// <summary>For a row with a positive, finite hazard ratio and limits on either side of it; else null.</summary>
    public static EValues? Of(Estimate estimate)
    {
        if (!estimate.IsEstimated || estimate is not { HazardRatio: { } hr, Lower: { } lower, Upper: { } upper }) return null;
        if (!(hr > 0 && double.IsFinite(hr) && lower > 0 && lower <= hr && double.IsFinite(upper) && upper >= hr)) return null;
        return new EValues(EValue.ForHazardRatio(hr, lower, upper), EValue.ForHazardRatio(hr, lower, upper, commonOutcome: true));
    }
}

/// <summary>
/// Whether a cohort's outcome is common for the E-values: the Kaplan-Meier proportion with the event by the
/// end of follow-up, 1 − S(last time), above 15% (VanderWeele's rule for taking a hazard ratio as a risk
/// ratio); null when the cohort has no follow-up.
/// </summary>
public sealed record EValueOutcome(double? EventProportion, double? Time)
{
    /// <summary>The threshold above which an outcome is common.</summary>
    public const double CommonAbove = 0.15;

    public bool Common => EventProportion > CommonAbove;

    public static EValueOutcome Of(KaplanMeierCurve overall) => overall.Steps.Count == 0
        ? new EValueOutcome(null, null)
        : new EValueOutcome(1 - overall.Steps[^1].Survival, overall.Steps[^1].Time);
}
