namespace Pnen.Stats.Survival;

/// <summary>
/// The Kaplan-Meier estimate of one group: every distinct time with its counts, survival,
/// Greenwood standard error and confidence limits; the median as print(survfit) reports it and
/// any quantile as quantile(survfit) does; the restricted mean to a horizon.
/// </summary>
public sealed class KaplanMeierCurve
{
    private readonly double[] _times;
    private readonly double?[] _survival;
    private readonly double?[] _lower;
    private readonly double?[] _upper;

    internal KaplanMeierCurve(string level, int n, IReadOnlyList<KaplanMeierStep> steps, KaplanMeierOptions options)
    {
        Level = level;
        N = n;
        Steps = steps;
        Options = options;
        Events = steps.Sum(s => s.Events);
        _times = steps.Select(s => s.Time).ToArray();
        _survival = steps.Select(s => (double?)s.Survival).ToArray();
        _lower = steps.Select(s => s.Lower).ToArray();
        _upper = steps.Select(s => s.Upper).ToArray();
        Median = new SurvivalQuantile(
            0.5,
            QuantileRules.PrintMedian(_times, _survival),
            QuantileRules.PrintMedian(_times, _lower),
            QuantileRules.PrintMedian(_times, _upper));
    }

    /// <summary>The group this curve describes ("all" for an ungrouped fit).</summary>
    public string Level { get; }

    /// <summary>Number of subjects (rows, as survfit's n: with (start, stop] data, intervals).</summary>
    public int N { get; }

    public int Events { get; }

    /// <summary>Σ weights of the events (R's events with case weights); null without weights.</summary>
    public double? WeightedEvents => Steps.Count > 0 && Steps[0].WeightedEvents is not null ? Steps.Sum(s => s.WeightedEvents ?? 0) : null;

    /// <summary>True when <see cref="KaplanMeierStep.StdErr"/> comes from survfit's robust
    /// (infinitesimal jackknife) variance, R's default with weights that are not whole numbers;
    /// false for Greenwood's.</summary>
    public bool RobustVariance { get; init; }

    public IReadOnlyList<KaplanMeierStep> Steps { get; }

    public KaplanMeierOptions Options { get; }

    /// <summary>The median and its confidence limits, following print(survfit).</summary>
    public SurvivalQuantile Median { get; }

    /// <summary>The time by which a fraction <paramref name="p"/> has had the event, with limits,
    /// following quantile(survfit).</summary>
    public SurvivalQuantile Quantile(double p) => new(
        p,
        QuantileRules.Quantile(_times, _survival, p),
        QuantileRules.Quantile(_times, _lower, p),
        QuantileRules.Quantile(_times, _upper, p));

    /// <summary>Survival at <paramref name="time"/> (the curve is right-continuous; 1 before the first time).</summary>
    public double SurvivalAt(double time)
    {
        var at = Array.BinarySearch(_times, time);
        var index = at >= 0 ? at : ~at - 1;
        return index < 0 ? 1 : Steps[index].Survival;
    }

    /// <summary>Number at risk just before <paramref name="time"/>, as a numbers-at-risk table shows it.</summary>
    public int AtRiskAt(double time)
    {
        var at = Array.BinarySearch(_times, time);
        var index = at >= 0 ? at : ~at;
        return index >= Steps.Count ? 0 : Steps[index].AtRisk;
    }

    /// <summary>
    /// The restricted mean survival time to <paramref name="tau"/> and its standard error, as R's
    /// survmean computes them (print(survfit, rmean = tau)). Past the last time the curve is
    /// carried forward flat.
    /// </summary>
    public RestrictedMean RestrictedMean(double tau)
    {
        if (!double.IsFinite(tau) || tau < 0) throw new ArgumentOutOfRangeException(nameof(tau), tau, "the horizon must be a finite, non-negative time");
        var kept = 0;
        while (kept < Steps.Count && Steps[kept].Time <= tau) kept++;

        // Rectangles under the step curve: widths between successive times (the horizon last),
        // heights the survival just before each time.
        var n = kept + 1;
        var rectangles = new double[n];
        var hazardTerms = new double[n];
        var previousTime = 0.0;
        var previousSurvival = 1.0;
        for (var i = 0; i < kept; i++)
        {
            var step = Steps[i];
            rectangles[i] = (step.Time - previousTime) * previousSurvival;
            // survmean's Greenwood-type terms, from the weighted counts when there are weights.
            var atRisk = step.WeightedAtRisk ?? step.AtRisk;
            var events = step.WeightedEvents ?? step.Events;
            var survivors = atRisk - events;
            hazardTerms[i] = survivors == 0 ? 0 : events / (atRisk * survivors);
            previousTime = step.Time;
            previousSurvival = step.Survival;
        }
        rectangles[kept] = (tau - previousTime) * previousSurvival;

        var mean = 0.0;
        foreach (var r in rectangles) mean += r;

        // Var = Σ_j (area after time j)² · d_j / (n_j (n_j - d_j)).
        var variance = 0.0;
        var areaAfter = 0.0;
        for (var j = n - 2; j >= 0; j--)
        {
            areaAfter += rectangles[j + 1];
            variance += areaAfter * areaAfter * hazardTerms[j];
        }
        return new RestrictedMean(tau, mean, Math.Sqrt(variance));
    }
}
