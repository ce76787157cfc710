namespace Pnen.Stats.Survival;

/// <summary>
/// One distinct time of a Kaplan-Meier curve (event or censoring time), as in R's survfit object.
/// <see cref="StdErr"/> is the standard error of log S (Greenwood's, or the robust one with
/// weights that are not whole numbers, see <see cref="KaplanMeierCurve.RobustVariance"/>); it and
/// the limits are null where they are not defined (after the curve reaches 0, or at S = 1 for
/// log-log limits). The counts are numbers of rows; with case weights the weighted sums R reports
/// as n.risk, n.event and n.censor are in the Weighted* properties.
/// </summary>
public sealed record KaplanMeierStep(
    double Time,
    int AtRisk,
    int Events,
    int Censored,
    double Survival,
    double? StdErr,
    double? Lower,
    double? Upper)
{
    /// <summary>Σ weights of the rows at risk (R's n.risk with weights); null without weights.</summary>
    public double? WeightedAtRisk { get; init; }

    /// <summary>Σ weights of the events at this time; null without weights.</summary>
    public double? WeightedEvents { get; init; }

    /// <summary>Σ weights of the censorings at this time; null without weights.</summary>
    public double? WeightedCensored { get; init; }
}
