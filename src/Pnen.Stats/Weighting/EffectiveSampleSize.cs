namespace Pnen.Stats.Weighting;

/// <summary>Kish's effective sample size of weighted data.</summary>
public static class EffectiveSampleSize
{
    /// <summary>(Σw)² / Σw² (Kish 1965), as WeightIt's ESS(): n for equal weights, less the more they vary;
    /// 0 when every weight is 0 or there are none.</summary>
    public static double Kish(ReadOnlySpan<double> weights)
    {
        double sum = 0, squares = 0;
        foreach (var w in weights)
        {
            if (!double.IsFinite(w) || w < 0) throw new ArgumentException("weights must be finite and non-negative", nameof(weights));
            sum += w;
            squares += w * w;
        }
        return squares > 0 ? sum * sum / squares : 0;
    }
}
