using Pnen.Stats.Survival.Cox.Terms;

namespace Pnen.Stats.Survival.Cox;

public static partial class CoxRegression
{
    /// <summary>
    /// The Cox model of rows given as counts of identical rows: entry i stands for
    /// <paramref name="frequency"/>[i] rows with the same time, status, covariates and stratum, as
    /// <c>GROUP BY stratum, time, status, covariates</c> gives them. Exactly the likelihood of the
    /// rows (the same fit as <see cref="Fit(ReadOnlySpan{double}, ReadOnlySpan{bool}, IReadOnlyList{CoxCovariate}, CoxOptions?, CoxStrata?)"/>
    /// on the expanded data, up to the order of floating-point sums): the counts enter as
    /// frequency weights, and with Efron's ties an entry with c deaths counts as c tied deaths,
    /// not as one death of weight c (R's coxph with case weights would count death rows, so
    /// coxph(weights = count) on the entries is not this model when deaths are tied). N, events
    /// and the rows dropped for a missing covariate or stratum count rows, not entries.
    /// </summary>
    public static CoxResult FitCounts(
        ReadOnlySpan<double> time,
        ReadOnlySpan<bool> status,
        ReadOnlySpan<int> frequency,
        IReadOnlyList<CoxCovariate> covariates,
        CoxOptions? options = null,
        CoxStrata? strata = null)
    {
        ArgumentNullException.ThrowIfNull(covariates);
        options ??= CoxOptions.Default;
        SurvivalInput.Check(time, status);
        if (frequency.Length != time.Length) throw new ArgumentException($"frequency has {frequency.Length} values but time has {time.Length}", nameof(frequency));
        foreach (var f in frequency)
        {
            if (f <= 0) throw new ArgumentException("every frequency must be a positive count of rows", nameof(frequency));
        }

        double[] times = time.ToArray(), counts = new double[frequency.Length];
        bool[] statuses = status.ToArray();
        for (var i = 0; i < counts.Length; i++) counts[i] = frequency[i];
        var dropped = 0L;
        if (CoxDesign.CompleteRows(times.Length, covariates, strata) is { } complete)
        {
            dropped = (long)(counts.Sum() - complete.Sum(r => counts[r]));
            (times, statuses, counts) = (AnalysedRows.Gather<double>(times, complete), AnalysedRows.Gather<bool>(statuses, complete), AnalysedRows.Gather<double>(counts, complete));
            (covariates, strata) = (covariates.Select(c => AnalysedRows.Subset(c, complete)).ToArray(), AnalysedRows.Subset(strata, complete));
        }

        var design = CoxDesign.Build(times, statuses, covariates, strata, options.TimeFix);
        if (dropped > 0) design.Warnings.Insert(0, DroppedRowsWarning(dropped, strata is not null));
        var weights = SurvivalData.Gather(counts, design.SourceRows);
        var result = FitDesign(design, options, strata is not null, d => new CoxNewtonRaphson(d, options.Ties, null, weights, frequencies: true), robust: null);
        var (rows, events) = (0L, 0L);
        for (var i = 0; i < counts.Length; i++)
        {
            rows += (long)counts[i];
            if (statuses[i]) events += (long)counts[i];
        }
        return result with { N = checked((int)rows), Events = checked((int)events), Dropped = checked((int)dropped) };
    }
}
