using Pnen.Stats.Descriptive;
using Pnen.Stats.Hypothesis;
using Pnen.Stats.Survival.Cox;

namespace Pnen.Stats.Survival.Standardization;

/// <summary>
/// Direct standardisation (the g-formula) from a Cox model: fit S(t | exposure, covariates), then for
/// each exposure level average every analysed patient's predicted curve with the exposure set to that
/// level, as <c>rowMeans(survfit(fit, newdata = cohort_with_level)$surv)</c> in R (adjustedCurves'
/// "direct" method). From the averaged curves: S at chosen times and the RMST to tau per level, and
/// their differences from the reference, with seeded nonparametric bootstrap intervals (rows resampled
/// as R's sample(), the whole model refitted each time; percentile intervals).
/// </summary>
public static class CoxStandardization
{
    public static StandardizedSurvival Fit(
        ReadOnlySpan<double> time, ReadOnlySpan<bool> status, CategoricalCovariate exposure, IReadOnlyList<CoxCovariate> covariates, StandardizationOptions? options = null)
    {
        options ??= StandardizationOptions.Default;
        SurvivalInput.Check(time, status);
        if (exposure.Codes.Length != time.Length) throw new ArgumentException($"the exposure has {exposure.Codes.Length} values but time has {time.Length}", nameof(exposure));
        if (options.Bootstrap < 0) throw new ArgumentOutOfRangeException(nameof(options), options.Bootstrap, "the number of bootstrap replicates cannot be negative");
        if (!(options.ConfidenceLevel > 0 && options.ConfidenceLevel < 1)) throw new ArgumentOutOfRangeException(nameof(options), options.ConfidenceLevel, "the confidence level lies strictly between 0 and 1");
        if (options.Times.Any(t => !double.IsFinite(t) || t < 0) || options.Tau is { } tau && !(tau > 0 && double.IsFinite(tau)))
        {
            throw new ArgumentOutOfRangeException(nameof(options), "times must be finite and non-negative, tau positive and finite");
        }

        // Complete cases, once: the bootstrap resamples these rows.
        var rows = Enumerable.Range(0, time.Length).Where(i => exposure.Codes[i] >= 0 && covariates.All(c => !c.IsMissing(i))).ToArray();
        var sample = new Sample(Gather(time, rows), Gather(status, rows), (CategoricalCovariate)Subset(exposure, rows), covariates.Select(c => Subset(c, rows)).ToArray());

        var estimate = Estimate(sample, options);
        var warnings = new List<string>();
        if (rows.Length < time.Length) warnings.Add($"{time.Length - rows.Length} row{(time.Length - rows.Length == 1 ? " was" : "s were")} left out because the exposure or a covariate was missing");
        warnings.AddRange(estimate.Model.Warnings);
        if (estimate.Curves is null)
        {
            return new StandardizedSurvival(estimate.Model, exposure.Levels[exposure.Reference], rows.Length, time.Length - rows.Length, [], [], 0, 0, warnings);
        }

        // Bootstrap: one stream of R's generator, one sample() of n rows per replicate.
        var replicates = new List<double?[]>();
        var failures = 0;
        if (options.Bootstrap > 0)
        {
            var random = new RCompatibleRandom(options.Seed);
            for (var b = 0; b < options.Bootstrap; b++)
            {
                var draw = RSample.WithReplacement(random, rows.Length);
                var replicate = Estimate(sample.Resample(draw), options);
                if (replicate.Curves is null)
                {
                    failures++;
                    continue;
                }
                replicates.Add(Effects(replicate.Curves, exposure.Reference));
            }
            if (failures > 0) warnings.Add($"{failures} of {options.Bootstrap} bootstrap replicates could not be estimated (a level without patients or no events in the resample) and were left out");
        }

        var point = Effects(estimate.Curves, exposure.Reference);
        var differences = new List<AdjustedDifference>();
        var perLevel = options.Times.Count + 1;
        var index = 0;
        for (var level = 0; level < exposure.Levels.Count; level++)
        {
            if (level == exposure.Reference) continue;
            var survival = new List<AdjustedEffect>();
            for (var t = 0; t < options.Times.Count; t++) survival.Add(Effect(options.Times[t], point, replicates, index * perLevel + t, options.ConfidenceLevel));
            var rmst = options.Tau is { } horizon ? Effect(horizon, point, replicates, index * perLevel + options.Times.Count, options.ConfidenceLevel) : null;
            differences.Add(new AdjustedDifference(exposure.Levels[level], survival, rmst));
            index++;
        }
        return new StandardizedSurvival(estimate.Model, exposure.Levels[exposure.Reference], rows.Length, time.Length - rows.Length,
            estimate.Curves, differences, replicates.Count, failures, warnings);
    }

    /// <summary>The differences from the reference, level by level: S at each time, then the RMST.</summary>
    private static double?[] Effects(IReadOnlyList<StandardizedCurve> curves, int reference)
    {
        var result = new List<double?>();
        var baseline = curves[reference];
        for (var level = 0; level < curves.Count; level++)
        {
            if (level == reference) continue;
            for (var t = 0; t < baseline.AtTimes.Count; t++) result.Add(curves[level].AtTimes[t] - baseline.AtTimes[t]);
            result.Add(curves[level].Rmst - baseline.Rmst);
        }
        return result.ToArray();
    }

    private static AdjustedEffect Effect(double at, double?[] point, List<double?[]> replicates, int index, double level)
    {
        // A degenerate resample (a fit running off to infinity) can give a non-finite effect: it is not an estimate.
        var values = replicates.Select(r => r[index]).OfType<double>().Where(double.IsFinite).OrderBy(v => v).ToArray();
        if (point[index] is not { } estimate || !double.IsFinite(estimate)) return new AdjustedEffect(at, null, null, null, null);
        if (values.Length < 2) return new AdjustedEffect(at, estimate, null, null, null);
        var mean = values.Average();
        var sd = Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Length - 1));
        var alpha = (1 - level) / 2;
        return new AdjustedEffect(at, estimate, sd, Quantiles.Type7(values, alpha), Quantiles.Type7(values, 1 - alpha));
    }

    private sealed record Estimation(CoxResult Model, IReadOnlyList<StandardizedCurve>? Curves);

    private static Estimation Estimate(Sample sample, StandardizationOptions options)
    {
        var exposure = sample.Exposure;
        var terms = new List<CoxCovariate> { exposure };
        terms.AddRange(sample.Covariates);
        var model = CoxRegression.Fit(sample.Time, sample.Status, terms, options.Cox);
        var n = sample.Time.Length;
        var counts = new int[exposure.Levels.Count];
        foreach (var code in exposure.Codes) counts[code]++;
        if (n == 0 || model.Events == 0 || counts.Any(c => c == 0)) return new Estimation(model, null);

        // The linear predictor without the exposure, and the exposure's coefficient per level (0 for
        // the reference and for a term the fit left out).
        var baseLp = new double[n];
        foreach (var covariate in sample.Covariates)
        {
            for (var i = 0; i < n; i++)
            {
                baseLp[i] += covariate switch
                {
                    NumericCovariate num => (model.Term(num.Name)?.Coefficient ?? 0) * num.Values[i],
                    CategoricalCovariate cat => cat.Codes[i] == cat.Reference ? 0 : model.Term(cat.Name, cat.Levels[cat.Codes[i]])?.Coefficient ?? 0,
                    _ => 0,
                };
            }
        }
        var effect = new double[exposure.Levels.Count];
        for (var level = 0; level < effect.Length; level++)
        {
            effect[level] = level == exposure.Reference ? 0 : model.Term(exposure.Name, exposure.Levels[level])?.Coefficient ?? 0;
        }

        var lp = new double[n];
        for (var i = 0; i < n; i++) lp[i] = baseLp[i] + effect[exposure.Codes[i]];
        var centre = lp.Average();
        var risk = lp.Select(v => Math.Exp(v - centre)).ToArray();
        var (times, hazard) = CoxBaselineHazard.Compute(sample.Time, sample.Status, risk, options.Cox.Ties, options.Cox.TimeFix);

        var curves = new List<StandardizedCurve>();
        for (var level = 0; level < effect.Length; level++)
        {
            var levelRisk = new double[n];
            for (var i = 0; i < n; i++) levelRisk[i] = Math.Exp(baseLp[i] + effect[level] - centre);
            var survival = new double[times.Length];
            var previousHazard = double.NaN;
            var previous = 1.0;
            for (var m = 0; m < times.Length; m++)
            {
                if (hazard[m] != previousHazard)
                {
                    var sum = 0.0;
                    foreach (var r in levelRisk) sum += Math.Exp(-hazard[m] * r);
                    previous = sum / n;
                    previousHazard = hazard[m];
                }
                survival[m] = previous;
            }
            var at = options.Times.Select(t => StepAt(times, survival, t)).ToArray();
            var rmst = options.Tau is { } tau ? Area(times, survival, tau) : null;
            curves.Add(new StandardizedCurve(exposure.Levels[level], times, survival, at, rmst));
        }
        return new Estimation(model, curves);
    }

    /// <summary>S(t) of a right-continuous step function: 1 before the first time, null past the last.</summary>
    private static double? StepAt(double[] times, double[] survival, double t)
    {
        if (times.Length == 0 || t > times[^1]) return null;
        var at = Array.BinarySearch(times, t);
        var index = at >= 0 ? at : ~at - 1;
        return index < 0 ? 1 : survival[index];
    }

    /// <summary>∫₀^tau S(t) dt of the step function; null when tau is past the last time.</summary>
    private static double? Area(double[] times, double[] survival, double tau)
    {
        if (times.Length == 0 || tau > times[^1]) return null;
        var area = 0.0;
        var from = 0.0;
        var value = 1.0;
        for (var m = 0; m < times.Length && times[m] < tau; m++)
        {
            area += value * (times[m] - from);
            from = times[m];
            value = survival[m];
        }
        return area + value * (tau - from);
    }

    private static T[] Gather<T>(ReadOnlySpan<T> values, int[] rows)
    {
        var result = new T[rows.Length];
        for (var i = 0; i < rows.Length; i++) result[i] = values[rows[i]];
        return result;
    }

    private static CoxCovariate Subset(CoxCovariate covariate, int[] rows) => covariate switch
    {
        NumericCovariate num => num with { Values = Gather<double>(num.Values, rows) },
        CategoricalCovariate cat => cat with { Codes = Gather<int>(cat.Codes, rows) },
        _ => throw new ArgumentException($"unsupported covariate type {covariate.GetType().Name}", nameof(covariate)),
    };

    /// <summary>The complete rows of the analysis, and a resample of them.</summary>
    private sealed record Sample(double[] Time, bool[] Status, CategoricalCovariate Exposure, CoxCovariate[] Covariates)
    {
        public Sample Resample(int[] draw) =>
            new(Gather<double>(Time, draw), Gather<bool>(Status, draw), (CategoricalCovariate)Subset(Exposure, draw), Covariates.Select(c => Subset(c, draw)).ToArray());
    }
}
