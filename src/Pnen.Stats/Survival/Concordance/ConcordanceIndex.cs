namespace Pnen.Stats.Survival.Concordance;

/// <summary>
/// Harrell's concordance of a predictor with right-censored survival, as R survival 3.x's
/// <c>concordance(Surv(time, status) ~ x + strata(s), timewt = "n")</c>. For a Cox model use
/// <see cref="Cox.CoxConcordance"/>, which is this with the linear predictor and reverse = true.
/// </summary>
public static class ConcordanceIndex
{
    /// <param name="predictor">One value per row; a larger value predicts a longer time unless
    /// <paramref name="reverse"/> (then it is a risk score, as a Cox linear predictor).</param>
    /// <param name="strata">Codes 0..k−1 per row (pairs are formed within a stratum), or empty.</param>
    /// <param name="weights">Case weights per row, or empty for 1.</param>
    /// <param name="timeFix">Merge times that differ by rounding noise first (R's timefix = TRUE).</param>
    public static ConcordanceResult Compute(
        ReadOnlySpan<double> time,
        ReadOnlySpan<bool> status,
        ReadOnlySpan<double> predictor,
        ReadOnlySpan<int> strata = default,
        ReadOnlySpan<double> weights = default,
        bool reverse = false,
        bool timeFix = true)
    {
        SurvivalInput.Check(time, status);
        var n = time.Length;
        if (predictor.Length != n) throw new ArgumentException($"predictor has {predictor.Length} values but time has {n}", nameof(predictor));
        if (!weights.IsEmpty && weights.Length != n) throw new ArgumentException($"weights has {weights.Length} values but time has {n}", nameof(weights));
        for (var i = 0; i < n; i++)
        {
            if (!double.IsFinite(predictor[i])) throw new ArgumentException($"predictor[{i}] = {predictor[i]} is not finite", nameof(predictor));
            if (!weights.IsEmpty && !(weights[i] >= 0 && double.IsFinite(weights[i]))) throw new ArgumentException($"weights[{i}] = {weights[i]} is not a finite, non-negative number", nameof(weights));
        }
        var groups = 1;
        if (!strata.IsEmpty)
        {
            foreach (var s in strata) groups = Math.Max(groups, s + 1);
            SurvivalInput.CheckGroups(strata, groups, n, nameof(strata));
        }

        // Group the rows by stratum (order within a stratum does not matter to the counts).
        var order = SurvivalOrder.Create(time, strata, groups, timeFix);
        var sortedTime = order.Times;
        var sortedStatus = new bool[n];
        var sortedX = new double[n];
        var sortedWeight = new double[n];
        for (var i = 0; i < n; i++)
        {
            var row = order.Rows[i];
            sortedStatus[i] = status[row];
            sortedX[i] = predictor[row];
            sortedWeight[i] = weights.IsEmpty ? 1 : weights[row];
        }
        return ConcordanceCounter.Compute(sortedTime, sortedStatus, sortedX, sortedWeight, order.Start, reverse);
    }
}
