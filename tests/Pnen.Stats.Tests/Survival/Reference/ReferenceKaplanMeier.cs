using Pnen.Stats.Survival;
using Pnen.Stats.Survival.Cox;

namespace Pnen.Stats.Tests.Survival.Reference;

// The straightforward implementation as it was before the registry-scale optimisation (issue 8),
// kept verbatim as the slow reference that the optimised engine is checked against at scale.

/// <summary>
/// The Kaplan-Meier (product-limit) estimator, matching R survival's survfit for right-censored
/// data: Greenwood variance of log S, log/log-log/plain limits, near-tied times merged.
/// One sort of the data, then a single linear pass per group.
/// </summary>
internal static class ReferenceKaplanMeier
{
    /// <summary>One curve for all subjects, labelled "all".</summary>
    public static KaplanMeierCurve Fit(ReadOnlySpan<double> time, ReadOnlySpan<bool> status, KaplanMeierOptions? options = null)
    {
        var groups = new int[time.Length];
        return FitGroups(time, status, groups, ["all"], options)[0];
    }

    /// <summary>One curve per level of <paramref name="group"/> (codes index <paramref name="levels"/>),
    /// in level order. A level with no subjects gets an empty curve (n = 0).</summary>
    public static IReadOnlyList<KaplanMeierCurve> FitGroups(
        ReadOnlySpan<double> time,
        ReadOnlySpan<bool> status,
        ReadOnlySpan<int> group,
        IReadOnlyList<string> levels,
        KaplanMeierOptions? options = null)
    {
        options ??= KaplanMeierOptions.Default;
        ReferenceSurvivalInput.Check(time, status);
        ReferenceSurvivalInput.CheckGroups(group, levels.Count, time.Length, nameof(group));
        var z = ConfidenceBands.Z(options.ConfidenceLevel);

        var times = options.TimeFix ? ReferenceTimeFix.Apply(time.ToArray()) : time.ToArray();
        var (order, start) = ReferenceSurvivalInput.OrderByGroupThenTime(times, group, levels.Count);

        var curves = new KaplanMeierCurve[levels.Count];
        for (var g = 0; g < levels.Count; g++)
        {
            var steps = Steps(times, status, order.AsSpan(start[g], start[g + 1] - start[g]), options.ConfidenceType, z);
            curves[g] = new KaplanMeierCurve(levels[g], start[g + 1] - start[g], steps, options);
        }
        return curves;
    }

    private static KaplanMeierStep[] Steps(double[] times, ReadOnlySpan<bool> status, ReadOnlySpan<int> sorted, ConfidenceType type, double z)
    {
        var steps = new List<KaplanMeierStep>();
        var atRisk = sorted.Length;
        var survival = 1.0;
        var greenwood = 0.0; // Σ d / (n (n - d)): the variance of log S
        var i = 0;
        while (i < sorted.Length)
        {
            var t = times[sorted[i]];
            int events = 0, censored = 0;
            for (; i < sorted.Length && times[sorted[i]] == t; i++)
            {
                if (status[sorted[i]]) events++;
                else censored++;
            }

            if (events > 0)
            {
                survival *= (double)(atRisk - events) / atRisk;
                greenwood = atRisk > events
                    ? greenwood + events / ((double)atRisk * (atRisk - events))
                    : double.PositiveInfinity;
            }
            var stdErr = Math.Sqrt(greenwood);
            var (lower, upper) = ConfidenceBands.Limits(survival, stdErr, type, z);
            steps.Add(new KaplanMeierStep(t, atRisk, events, censored, survival, double.IsFinite(stdErr) ? stdErr : null, lower, upper));
            atRisk -= events + censored;
        }
        return steps.ToArray();
    }
}
