using System.Runtime.InteropServices;
using Pnen.Stats.Descriptive;
using Pnen.Stats.Regression;
using Pnen.Stats.Survival;
using Pnen.Stats.Survival.Cox;

namespace Pnen.Stats.Weighting;

/// <summary>
/// Inverse probability of treatment weights from fitted propensity scores, as WeightIt's
/// get_w_from_ps: ATE 1 / P(level received); ATT P(focal) / P(level received) (1 for the focal
/// patients); stabilised by the marginal proportion of the level received; then truncated
/// (winsorised) at type-7 quantiles. The report's estimand definitions are in <see cref="Estimand"/>.
/// </summary>
public static class PropensityWeights
{
    /// <summary>Weights for the rows a propensity model analysed; <paramref name="treatment"/> is the
    /// outcome the model was fitted to (codes of every input row).</summary>
    public static WeightingResult Compute(LogitFit fit, CategoricalCovariate treatment, WeightingOptions? options = null)
    {
        var rows = fit.Rows as int[] ?? fit.Rows.ToArray();
        var codes = new int[rows.Length];
        for (var i = 0; i < codes.Length; i++) codes[i] = treatment.Codes[rows[i]];
        return Compute(codes, fit.Levels, fit.Reference, fit.Probabilities as double[] ?? fit.Probabilities.ToArray(), options);
    }

    /// <param name="treatment">Level codes (0..levels-1) of the analysed rows.</param>
    /// <param name="probabilities">P(level | x) of each row, rows × levels, row-major.</param>
    public static WeightingResult Compute(ReadOnlySpan<int> treatment, IReadOnlyList<string> levels, int reference, ReadOnlySpan<double> probabilities, WeightingOptions? options = null)
    {
        options ??= WeightingOptions.Default;
        var n = treatment.Length;
        var k = levels.Count;
        if (probabilities.Length != n * k) throw new ArgumentException($"{n} rows and {k} levels need {n * k} probabilities, not {probabilities.Length}", nameof(probabilities));
        if ((uint)reference >= (uint)k) throw new ArgumentOutOfRangeException(nameof(reference));
        var focal = options.Estimand == Estimand.Att ? FocalLevel(options, k, reference) : (int?)null;
        if (options.Truncate is { } q && !(q > 0 && q < 1)) throw new ArgumentOutOfRangeException(nameof(options), q, "the truncation quantile lies strictly between 0 and 1");
        if (options.TruncateQuantiles is { } pair && !(pair.Lower > 0 && pair.Lower < 0.5 && pair.Upper > 0.5 && pair.Upper < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(options), pair, "the truncation quantiles lie in (0, 0.5) and (0.5, 1)");
        }
        var quantiles = options.TruncateQuantiles ?? (options.Truncate is { } symmetric ? (Math.Min(symmetric, 1 - symmetric), Math.Max(symmetric, 1 - symmetric)) : null);

        var counts = new int[k];
        foreach (var t in treatment)
        {
            if ((uint)t >= (uint)k) throw new ArgumentException($"treatment code {t} is not a level index", nameof(treatment));
            counts[t]++;
        }

        var weights = new double[n];
        for (var i = 0; i < n; i++)
        {
            var received = probabilities[i * k + treatment[i]];
            weights[i] = focal is { } f
                ? treatment[i] == f ? 1 : probabilities[i * k + f] / received
                : 1 / received;
            if (options.Stabilize) weights[i] *= (double)counts[treatment[i]] / n;
        }

        (double, double)? bounds = null;
        var truncated = 0;
        if (quantiles is { } at && n > 0) (bounds, truncated) = Truncate(weights, treatment, focal, at.Lower, at.Upper);

        var arms = new List<ArmWeights>(k);
        for (var level = 0; level < k; level++)
        {
            var own = new double[counts[level]];
            for (int i = 0, j = 0; i < n; i++)
            {
                if (treatment[i] == level) own[j++] = weights[i];
            }
            var span = Sorted(own);
            arms.Add(span.Length == 0
                ? new ArmWeights(levels[level], 0, 0, 0, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN)
                : new ArmWeights(levels[level], span.Length, span.Sum(), EffectiveSampleSize.Kish(span),
                    span[0], Quantiles.Type7(span, 0.25), Quantiles.Type7(span, 0.5), Quantiles.Type7(span, 0.75), span[^1]));
        }
        var sum = weights.Sum();
        return new WeightingResult(weights, options.Estimand, focal, options.Stabilize, options.Truncate ?? quantiles?.Lower, bounds, truncated,
            sum, n == 0 ? double.NaN : weights.Min(), n == 0 ? double.NaN : weights.Max(), n == 0 ? double.NaN : sum / n, arms);
    }

    private static int FocalLevel(WeightingOptions options, int levels, int reference)
    {
        if (options.Focal is { } focal)
        {
            if ((uint)focal >= (uint)levels) throw new ArgumentOutOfRangeException(nameof(options), focal, "the focal level is not a level index");
            return focal;
        }
        if (levels != 2) throw new ArgumentException("the ATT with three or more treatment levels needs a focal level (the level whose patients are the target population)", nameof(options));
        return 1 - reference;
    }

    /// <summary>Caps the weights at quantile(w, c(lower, upper), type = 7) of the weights that may be
    /// trimmed (all but the ATT's focal ones); returns the caps and how many weights they changed.</summary>
    private static ((double, double), int) Truncate(double[] weights, ReadOnlySpan<int> treatment, int? focal, double lowerQuantile, double upperQuantile)
    {
        var candidates = new List<double>(weights.Length);
        for (var i = 0; i < weights.Length; i++)
        {
            if (treatment[i] != focal) candidates.Add(weights[i]);
        }
        if (candidates.Count == 0) return ((double.NaN, double.NaN), 0);
        var sorted = Sorted(CollectionsMarshal.AsSpan(candidates));
        var lower = Quantiles.Type7(sorted, lowerQuantile);
        var upper = Quantiles.Type7(sorted, upperQuantile);
        var changed = 0;
        for (var i = 0; i < weights.Length; i++)
        {
            if (treatment[i] == focal) continue;
            var capped = Math.Min(Math.Max(weights[i], lower), upper);
            if (capped != weights[i]) changed++;
            weights[i] = capped;
        }
        return ((lower, upper), changed);
    }

    /// <summary>A sorted copy of the weights: a radix sort, in the order Array.Sort gives without its
    /// comparer call per comparison (weights are 1 / a probability, never −0), or Array.Sort itself
    /// should a NaN weight have come from a degenerate fit (it sorts NaN first, the radix keys last).</summary>
    private static double[] Sorted(ReadOnlySpan<double> weights)
    {
        foreach (var w in weights)
        {
            if (!double.IsNaN(w)) continue;
            var copy = weights.ToArray();
            Array.Sort(copy);
            return copy;
        }
        return DoubleRadixSort.SortedCopy(weights);
    }
}
