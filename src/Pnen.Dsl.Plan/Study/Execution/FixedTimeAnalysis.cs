using Pnen.Stats.Distributions;
using Pnen.Stats.Survival;

namespace Pnen.Dsl.Execution;

/// <summary>Survival at the plan's times and restricted means to its horizon, per exposure level,
/// read off the levels' Kaplan-Meier curves.</summary>
internal static class FixedTimeAnalysis
{
    private static readonly double Z = Normal.Quantile(0.975);

    /// <summary>S(t) with its limits as R's summary(survfit, times = t): the step at or before t; 1 (with
    /// limits 1) before the first time; undefined after the last follow-up time.</summary>
    public static SurvivalPoint At(KaplanMeierCurve curve, double time)
    {
        var atRisk = curve.AtRiskAt(time);
        var steps = curve.Steps;
        if (curve.N == 0 || time > steps[^1].Time) return new SurvivalPoint(time, null, null, null, null, atRisk);
        var index = -1;
        for (var i = 0; i < steps.Count && steps[i].Time <= time; i++) index = i;
        if (index < 0) return new SurvivalPoint(time, 1, 1, 1, 0, atRisk);
        var step = steps[index];
        return new SurvivalPoint(time, step.Survival, step.Lower, step.Upper, step.StdErr, atRisk);
    }

    public static IReadOnlyList<ArmSurvival> Survival(IReadOnlyList<KaplanMeierCurve> curves, IReadOnlyList<double> times) =>
        curves.Select(c => new ArmSurvival(c.Level, c.N, times.Select(t => At(c, t)).ToArray())).ToArray();

    /// <summary>Each level's restricted mean with a normal 95% CI, and its difference from the reference's.</summary>
    public static IReadOnlyList<ArmRestrictedMean> RestrictedMeans(IReadOnlyList<KaplanMeierCurve> curves, int reference, double tau)
    {
        var means = curves.Select(c => c.N == 0 ? null : c.RestrictedMean(tau)).ToArray();
        var referenceMean = means[reference];
        return curves.Select((c, i) =>
        {
            var m = means[i];
            if (m is null) return new ArmRestrictedMean(c.Level, c.N, null, null, null, null, null);
            RestrictedMeanDifference? difference = null;
            if (i != reference)
            {
                difference = referenceMean is null
                    ? new RestrictedMeanDifference(curves[reference].Level, null, null, null, null, null)
                    : Difference(m, referenceMean, curves[reference].Level);
            }
            return new ArmRestrictedMean(c.Level, c.N, m.Mean, m.StdErr, m.Mean - Z * m.StdErr, m.Mean + Z * m.StdErr, difference);
        }).ToArray();
    }

    private static RestrictedMeanDifference Difference(RestrictedMean level, RestrictedMean reference, string referenceLabel)
    {
        var difference = level.Mean - reference.Mean;
        var se = Math.Sqrt(level.StdErr * level.StdErr + reference.StdErr * reference.StdErr);
        double? p = se > 0 ? Normal.TwoSidedP(difference / se) : null;
        return new RestrictedMeanDifference(referenceLabel, difference, se, difference - Z * se, difference + Z * se, p);
    }
}
