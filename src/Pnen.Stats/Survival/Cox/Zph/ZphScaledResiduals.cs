using Pnen.Stats.LinearAlgebra;

namespace Pnen.Stats.Survival.Cox.Zph;

/// <summary>
/// The scaled Schoenfeld residuals and their variance, as the end of R's <c>cox.zph</c>: the
/// residuals of a categorical term collapse to those of its linear predictor (weights β̂); each
/// stratum's residuals are multiplied by the inverse of the average information per event,
/// counting per pair of columns only the events of strata where both vary; then β̂ is added (1
/// for a collapsed term). A term constant within a stratum has no residual there (null).
/// </summary>
/// <remarks>
/// R 3.5-3 finds a stratum's events by counting them off in order, skipping strata where every
/// term is constant; a stratum with events but no varying term (a one-record stratum whose record
/// is an event) then shifts the rows after it. Here each event keeps its own stratum.
/// </remarks>
internal static class ZphScaledResiduals
{
    public static (double?[][] Residuals, double[]? Variance) Compute(ZphScorePass pass, CoxFittedRows rows, List<(string Variable, int[] Columns)> terms)
    {
        var p = rows.Columns;
        var q = 2 * p;
        var nterm = terms.Count;
        var strata = rows.StrataCount;

        // used[s][c]: the events of stratum s if column c varies there, else 0.
        var deaths = new int[strata];
        foreach (var s in pass.EventStratum) deaths[s]++;
        var used = new int[strata][];
        for (var s = 0; s < strata; s++)
        {
            used[s] = new int[p];
            for (var c = 0; c < p; c++) used[s][c] = rows.ConstantInStratum[s][c] ? 0 : deaths[s];
            foreach (var (_, columns) in terms)
            {
                // A factor's level absent from a stratum makes its column constant there, not the factor.
                if (columns.Length > 1 && columns.Any(c => used[s][c] == 0))
                {
                    var most = columns.Max(c => used[s][c]);
                    foreach (var c in columns) used[s][c] = most;
                }
            }
        }

        var vmean = new double[p * p];
        for (var i = 0; i < p; i++)
        {
            for (var j = 0; j < p; j++)
            {
                var weight = 0;
                for (var s = 0; s < strata; s++) weight += Math.Min(used[s][i], used[s][j]);
                vmean[i * p + j] = pass.Information[i * q + j] / (weight == 0 ? 1 : weight);
            }
        }

        // Collapse: T[c, term] = 1 for a one-column term, β̂_c for the columns of a factor.
        var collapse = new double[p * nterm];
        for (var k = 0; k < nterm; k++)
        {
            var columns = terms[k].Columns;
            foreach (var c in columns) collapse[c * nterm + k] = columns.Length == 1 ? 1 : rows.Beta[c];
        }
        var v = new double[nterm * nterm];
        for (var a = 0; a < nterm; a++)
        {
            for (var b = 0; b < nterm; b++)
            {
                var sum = 0.0;
                for (var i = 0; i < p; i++)
                {
                    for (var j = 0; j < p; j++) sum += collapse[i * nterm + a] * vmean[i * p + j] * collapse[j * nterm + b];
                }
                v[a * nterm + b] = sum;
            }
        }

        var events = pass.Events;
        var residuals = new double?[nterm][];
        for (var k = 0; k < nterm; k++) residuals[k] = new double?[events];
        var e0 = 0;
        while (e0 < events)
        {
            // The events of one stratum are contiguous (sorted by stratum, then time).
            var s = pass.EventStratum[e0];
            var e1 = e0;
            while (e1 < events && pass.EventStratum[e1] == s) e1++;
            var varying = Enumerable.Range(0, nterm).Where(k => used[s][terms[k].Columns[0]] > 0).ToArray();
            var m = varying.Length;
            var block = new double[m * m];
            for (var a = 0; a < m; a++)
            {
                for (var b = 0; b < m; b++) block[a * m + b] = v[varying[a] * nterm + varying[b]];
            }
            var inverse = m == 0 ? null : SymmetricSystem.Inverse(block, m);
            if (inverse is not null)
            {
                var scale = new EventScale(pass, rows, terms, collapse, varying, inverse, residuals);
                // Each event's residual is its own: a large stratum's events are scaled in two halves on two cores.
                TwoHalves.Run(e0, e1, ParallelEvents, scale.Apply);
            }
            e0 = e1;
        }
        return (residuals, SymmetricSystem.Inverse(v, nterm));
    }

    private const int ParallelEvents = 1 << 15;

    /// <summary>One stratum's scaling: the Schoenfeld residuals collapsed per term (raw), times the
    /// inverse of the varying terms' average information, plus β̂ (1 for a collapsed factor).</summary>
    private sealed record EventScale(
        ZphScorePass Pass, CoxFittedRows Rows, List<(string Variable, int[] Columns)> Terms,
        double[] Collapse, int[] Varying, double[] Inverse, double?[][] Residuals)
    {
        public void Apply(int from, int to)
        {
            var p = Rows.Columns;
            var nterm = Terms.Count;
            var m = Varying.Length;
            var raw = new double[nterm];
            for (var e = from; e < to; e++)
            {
                for (var k = 0; k < nterm; k++)
                {
                    var sum = 0.0;
                    for (var c = 0; c < p; c++) sum += Pass.Schoenfeld[e * p + c] * Collapse[c * nterm + k];
                    raw[k] = sum;
                }
                for (var a = 0; a < m; a++)
                {
                    var scaled = 0.0;
                    for (var b = 0; b < m; b++) scaled += Inverse[a * m + b] * raw[Varying[b]];
                    var k = Varying[a];
                    Residuals[k][e] = scaled + (Terms[k].Columns.Length == 1 ? Rows.Beta[Terms[k].Columns[0]] : 1);
                }
            }
        }
    }
}
