namespace Pnen.Stats.Survival;

/// <summary>Restricted mean survival time: the area under the curve from 0 to <see cref="Tau"/>,
/// with its standard error (R's survmean; Miller 1981).</summary>
public sealed record RestrictedMean(double Tau, double Mean, double StdErr);
