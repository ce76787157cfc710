namespace Pnen.Stats.Survival;

/// <summary>
/// The Kaplan-Meier (product-limit) estimator, matching R survival's survfit for right-censored
/// data: Greenwood variance of log S, log/log-log/plain limits, near-tied times merged.
/// Tied times are counted per (group, time) in one pass (<see cref="SurvivalTally"/>); times too
/// distinct for that get one radix sort of the data (<see cref="SurvivalOrder"/>), then a single
/// linear pass per group. Both give the same curves, bit for bit.
/// </summary>
public static partial class KaplanMeier
{
    /// <summary>One curve for all subjects, labelled "all".</summary>
    public static KaplanMeierCurve Fit(ReadOnlySpan<double> time, ReadOnlySpan<bool> status, KaplanMeierOptions? options = null) =>
        FitGroups(time, status, new int[time.Length], ["all"], options)[0];

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
        SurvivalInput.Check(time, status);
        SurvivalInput.CheckGroups(group, levels.Count, time.Length, nameof(group));
        return SurvivalTally.TryCount(time, status, group, [], SurvivalTally.MaxCells(time.Length)) is { } counts
            ? FitCounts(counts, levels, options)
            : FitGroupsSorted(time, status, group, levels, options);
    }

    /// <summary>The curves from the rows sorted by (group, time): the path for times too distinct
    /// to count (arguments checked by the caller).</summary>
    internal static IReadOnlyList<KaplanMeierCurve> FitGroupsSorted(
        ReadOnlySpan<double> time,
        ReadOnlySpan<bool> status,
        ReadOnlySpan<int> group,
        IReadOnlyList<string> levels,
        KaplanMeierOptions options)
    {
        var z = ConfidenceBands.Z(options.ConfidenceLevel);

        var order = SurvivalOrder.Create(time, group, levels.Count, options.TimeFix);
        var events = new bool[time.Length]; // gathered once into sorted order: the walk then reads memory in order
        for (var i = 0; i < events.Length; i++) events[i] = status[order.Rows[i]];

        var curves = new KaplanMeierCurve[levels.Count];
        for (var g = 0; g < levels.Count; g++)
        {
            var (from, to) = (order.Start[g], order.Start[g + 1]);
            var steps = Steps(order.Times.AsSpan(from, to - from), events.AsSpan(from, to - from), options.ConfidenceType, z);
            curves[g] = new KaplanMeierCurve(levels[g], to - from, steps, options);
        }
        return curves;
    }

    /// <param name="times">Sorted (fixed) times of the group.</param>
    /// <param name="events">Whether each of those times is an event (else a censoring).</param>
    private static KaplanMeierStep[] Steps(ReadOnlySpan<double> times, ReadOnlySpan<bool> events, ConfidenceType type, double z)
    {
        var steps = new List<KaplanMeierStep>();
        var atRisk = times.Length;
        var survival = 1.0;
        var greenwood = 0.0; // Σ d / (n (n - d)): the variance of log S
        var i = 0;
        while (i < times.Length)
        {
            var t = times[i];
            int deaths = 0, censored = 0;
            for (; i < times.Length && times[i] == t; i++)
            {
                if (events[i]) deaths++;
                else censored++;
            }

            steps.Add(Step(t, atRisk, deaths, censored, ref survival, ref greenwood, type, z));
            atRisk -= deaths + censored;
        }
        return steps.ToArray();
    }
}
