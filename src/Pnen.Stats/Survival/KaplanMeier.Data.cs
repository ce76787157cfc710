namespace Pnen.Stats.Survival;

public static partial class KaplanMeier
{
    /// <summary>One curve for all rows of <paramref name="data"/>, labelled "all".</summary>
    public static KaplanMeierCurve Fit(SurvivalData data, KaplanMeierOptions? options = null) =>
        FitGroups(data, new int[data.Count], ["all"], options)[0];

    /// <summary>
    /// Curves with delayed entry and case weights: R's <c>survfit(Surv(start, stop, event) ~ g,
    /// weights = w)</c> (<see cref="KaplanMeierCounting"/>). A row is at risk on (start, stop];
    /// n.risk, n.event and n.censor are weighted sums (<see cref="KaplanMeierStep.WeightedAtRisk"/>);
    /// a row of weight 0 stays in the counts of rows but adds nothing. The variance is Greenwood's,
    /// or survfit's robust one (<see cref="KaplanMeierOptions.Robust"/>; by default with clusters
    /// or weights that are not whole numbers, each row its own cluster unless
    /// <see cref="SurvivalData.Cluster"/> groups them). Without entry times, weights or a robust
    /// variance this is the right-censored fit.
    /// </summary>
    public static IReadOnlyList<KaplanMeierCurve> FitGroups(
        SurvivalData data,
        ReadOnlySpan<int> group,
        IReadOnlyList<string> levels,
        KaplanMeierOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        options ??= KaplanMeierOptions.Default;
        data.Check();
        SurvivalInput.CheckGroups(group, levels.Count, data.Count, nameof(group));
        if (data.Cluster is { } codes && Array.Exists(codes, c => c < 0)) throw new ArgumentException("a cluster code is missing: leave such rows out first", nameof(data));
        var robust = options.Robust ?? (data.Cluster is not null || data.HasFractionalWeights);
        if (robust && options.Robust == true && data.IsCountingProcess && data.Cluster is null)
        {
            throw new ArgumentException("a robust variance of (start, stop] data needs clusters (each interval's patient), as R's survfit: \"id or cluster option required\"", nameof(data));
        }
        if (!data.IsCountingProcess && data.Weights is null && !robust) return FitGroups(data.Time, data.Status, group, levels, options);

        var z = ConfidenceBands.Z(options.ConfidenceLevel);
        if (options.TimeFix) data = data.WithTimeFix();
        var order = SurvivalOrder.Create(data.Time, group, levels.Count, timeFix: false);
        var curves = new KaplanMeierCurve[levels.Count];
        for (var g = 0; g < levels.Count; g++)
        {
            var rows = order.Rows[order.Start[g]..order.Start[g + 1]];
            var steps = KaplanMeierCounting.Steps(rows, data.Time, data.Status, data.Start, data.Weights, data.Cluster, robust, options.ConfidenceType, z);
            curves[g] = new KaplanMeierCurve(levels[g], rows.Length, steps, options) { RobustVariance = robust };
        }
        return curves;
    }
}
