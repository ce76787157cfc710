namespace Pnen.Stats.Survival;

public static partial class KaplanMeier
{
    /// <summary>
    /// One curve per level of <see cref="SurvivalCounts.Group"/> from event and censoring counts per
    /// (group, time), as <c>GROUP BY group, time</c> gives them: exactly the curves
    /// <see cref="FitGroups(ReadOnlySpan{double}, ReadOnlySpan{bool}, ReadOnlySpan{int}, IReadOnlyList{string}, KaplanMeierOptions?)"/>
    /// gives for the rows counted (the same near-tie merging over the pooled distinct times, the same
    /// step per distinct time). Strata codes are ignored: a curve is per group.
    /// </summary>
    public static IReadOnlyList<KaplanMeierCurve> FitCounts(SurvivalCounts counts, IReadOnlyList<string> levels, KaplanMeierOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(counts);
        ArgumentNullException.ThrowIfNull(levels);
        options ??= KaplanMeierOptions.Default;
        SurvivalInput.CheckGroups(counts.Group, levels.Count, counts.Count, nameof(counts.Group));
        var z = ConfidenceBands.Z(options.ConfidenceLevel);
        var pooled = new SurvivalCounts(new int[counts.Count], counts.Group, counts.Time, counts.Events, counts.Censored);
        var (_, group, time, events, censored) = pooled.Merged(options.TimeFix);

        var curves = new KaplanMeierCurve[levels.Count];
        var from = 0;
        for (var g = 0; g < levels.Count; g++)
        {
            var to = from;
            var n = 0;
            for (; to < group.Length && group[to] == g; to++) n = checked(n + events[to] + censored[to]);
            var steps = new KaplanMeierStep[to - from];
            var (atRisk, survival, greenwood) = (n, 1.0, 0.0);
            for (var i = from; i < to; i++)
            {
                steps[i - from] = Step(time[i], atRisk, events[i], censored[i], ref survival, ref greenwood, options.ConfidenceType, z);
                atRisk -= events[i] + censored[i];
            }
            curves[g] = new KaplanMeierCurve(levels[g], n, steps, options);
            from = to;
        }
        return curves;
    }

    /// <summary>
    /// One distinct time of the product-limit walk, shared by the row and the count entry points:
    /// S(t) = S(t-) (n - d) / n and Greenwood's Σ d / (n (n - d)) for the variance of log S, as R's
    /// survfit (survfitKM); infinite once the curve reaches 0, reported as no standard error.
    /// </summary>
    private static KaplanMeierStep Step(double t, int atRisk, int deaths, int censored, ref double survival, ref double greenwood, ConfidenceType type, double z)
    {
        if (deaths > 0)
        {
            survival *= (double)(atRisk - deaths) / atRisk;
            greenwood = atRisk > deaths
                ? greenwood + deaths / ((double)atRisk * (atRisk - deaths))
                : double.PositiveInfinity;
        }
        var stdErr = Math.Sqrt(greenwood);
        var (lower, upper) = ConfidenceBands.Limits(survival, stdErr, type, z);
        return new KaplanMeierStep(t, atRisk, deaths, censored, survival, double.IsFinite(stdErr) ? stdErr : null, lower, upper);
    }
}
