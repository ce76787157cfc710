using Pnen.Stats.Survival.Concordance;
using Pnen.Stats.Survival.Cox.Terms;

namespace Pnen.Stats.Survival.Cox;

public static partial class CoxConcordance
{
    /// <summary>
    /// The concordance of a fit on <see cref="SurvivalData"/>, as <c>summary(coxph(..., cluster =))$concordance</c>:
    /// with <see cref="SurvivalData.Cluster"/> the infinitesimal-jackknife influence of each cluster's rows is
    /// summed before it is squared (R's coxph passes its cluster to concordancefit), so the standard error is
    /// the cluster-robust one while C itself does not change. Rows whose cluster is missing (-1) are left
    /// out, as the fit leaves them out. Right-censored rows without case weights only.
    /// </summary>
    /// <exception cref="ArgumentException">The data have entry times or case weights.</exception>
    public static ConcordanceResult Of(
        SurvivalData data,
        IReadOnlyList<CoxCovariate> covariates,
        CoxResult fit,
        CoxOptions? options = null,
        CoxStrata? strata = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(covariates);
        ArgumentNullException.ThrowIfNull(fit);
        if (data.Start is not null || data.Weights is not null)
        {
            throw new ArgumentException("the concordance is computed for right-censored rows without case weights", nameof(data));
        }
        if (data.Cluster is not { } codes) return Of(data.Time, data.Status, covariates, fit, options, strata);
        data.Check();
        options ??= CoxOptions.Default;

        var kept = data.RowsWithCluster();
        var time = AnalysedRows.Gather<double>(data.Time, kept);
        var status = AnalysedRows.Gather<bool>(data.Status, kept);
        var cluster = AnalysedRows.Gather<int>(codes, kept);
        var terms = covariates.Select(c => AnalysedRows.Subset(c, kept)).ToArray();
        var rows = CoxFittedRows.Build(time, status, terms, AnalysedRows.Subset(strata, kept), options.TimeFix,
            fit.Terms.Select(t => (t.Variable, t.Level, t.Coefficient)));

        // Dense cluster indices of the sorted rows, so the counter sums influence per cluster.
        var dense = new Dictionary<int, int>();
        var sortedCluster = new int[rows.Rows];
        for (var r = 0; r < rows.Rows; r++)
        {
            var code = cluster[rows.SourceRows[r]];
            if (!dense.TryGetValue(code, out var index)) dense[code] = index = dense.Count;
            sortedCluster[r] = index;
        }
        return ConcordanceCounter.Compute(rows.Time, rows.Status, rows.LinearPredictor, Enumerable.Repeat(1.0, rows.Rows).ToArray(),
            rows.StratumStart, reverse: true, sortedCluster);
    }
}
