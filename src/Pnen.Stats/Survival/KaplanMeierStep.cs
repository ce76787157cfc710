namespace Pnen.Stats.Survival;

/// <summary>
/// One distinct time of a Kaplan-Meier curve (event or censoring time), as in R's survfit object.
/// <see cref="StdErr"/> is Greenwood's standard error of log S; it and the limits are null where
/// they are not defined (after the curve reaches 0, or at S = 1 for log-log limits).
/// </summary>
public sealed record KaplanMeierStep(
    double Time,
    int AtRisk,
    int Events,
    int Censored,
    double Survival,
    double? StdErr,
    double? Lower,
    double? Upper);
