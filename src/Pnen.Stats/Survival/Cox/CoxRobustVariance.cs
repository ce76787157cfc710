using Pnen.Stats.LinearAlgebra;

namespace Pnen.Stats.Survival.Cox;

/// <summary>
/// The robust (Lin-Wei sandwich) variance of a Cox fit and the robust score test, as R's coxph
/// computes them when <c>robust = TRUE</c> or a <c>cluster</c> is given: the dfbeta residuals
/// D = (score residuals · V) weighted by the case weights, summed within clusters
/// (<c>residuals(fit, "dfbeta", collapse = cluster, weighted = TRUE)</c>), and V_robust = D'D;
/// the robust score test is u'(T'T)⁻u with T the weighted score residuals at beta = 0 summed
/// within clusters and u = ΣT (coxph's <c>rscore</c>, through coxph.wtest's generalised inverse).
/// </summary>
internal static class CoxRobustVariance
{
    /// <param name="engine">The fit's iterations: their centred and scaled design and its scale.</param>
    /// <param name="start">Entry times in the design's row order, or null.</param>
    /// <param name="weights">Case weights in the design's row order, or null.</param>
    /// <param name="cluster">Cluster index (0..clusters-1) of each design row.</param>
    public static CoxRobust Compute(
        CoxDesign design, CoxNewtonRaphson engine, CoxFit fit, double[]? start, double[]? weights,
        int[] cluster, int clusters, CoxTies ties, double cholTolerance)
    {
        var p = design.Columns;
        var n = design.Rows;
        var scale = engine.Scale;
        var efron = ties == CoxTies.Efron;
        if (clusters < 2)
        {
            // Σ dfbeta = V·U(β̂) = 0: one cluster has no variance to estimate. Not a number, so
            // that every robust quantity comes out as not defined rather than as a tiny noise.
            var undefined = new double[p * p];
            Array.Fill(undefined, double.NaN);
            return new CoxRobust(undefined, null, 0, clusters);
        }

        var scaledBeta = new double[p];
        for (var i = 0; i < p; i++) scaledBeta[i] = fit.Beta[i] / scale[i];
        var atFit = Collapse(design, start, weights, cluster, clusters, scaledBeta, scale, efron);
        var d = new double[clusters * p];
        for (var c = 0; c < clusters; c++)
        {
            for (var j = 0; j < p; j++)
            {
                var sum = 0.0;
                for (var i = 0; i < p; i++) sum += atFit[c * p + i] * fit.Variance[i * p + j];
                d[c * p + j] = sum;
            }
        }
        var variance = CrossProduct(d, clusters, p);

        var atZero = Collapse(design, start, weights, cluster, clusters, new double[p], scale, efron);
        var u = new double[p];
        for (var c = 0; c < clusters; c++)
        {
            for (var i = 0; i < p; i++) u[i] += atZero[c * p + i];
        }
        var (statistic, rank) = GeneralizedCholesky.QuadraticForm(CrossProduct(atZero, clusters, p), p, u, cholTolerance);
        return new CoxRobust(variance, double.IsFinite(statistic) ? statistic : null, rank, clusters);
    }

    /// <summary>Weighted score residuals on the scale of the data, summed within clusters (clusters × p).</summary>
    private static double[] Collapse(
        CoxDesign design, double[]? start, double[]? weights, int[] cluster, int clusters, double[] scaledBeta, double[] scale, bool efron)
    {
        var p = design.Columns;
        var resid = CoxScoreResiduals.Compute(design.X, design.Rows, p, start, design.Time, design.Status, weights, design.LastInStratum, scaledBeta, efron);
        var sums = new double[clusters * p];
        for (var r = 0; r < design.Rows; r++)
        {
            var w = weights?[r] ?? 1.0;
            var c = cluster[r];
            for (var i = 0; i < p; i++) sums[c * p + i] += w * resid[r * p + i] / scale[i];
        }
        return sums;
    }

    /// <summary>M'M for an m × p row-major M.</summary>
    private static double[] CrossProduct(double[] m, int rows, int p)
    {
        var result = new double[p * p];
        for (var r = 0; r < rows; r++)
        {
            for (var i = 0; i < p; i++)
            {
                var mi = m[r * p + i];
                for (var j = 0; j < p; j++) result[i * p + j] += mi * m[r * p + j];
            }
        }
        return result;
    }
}

/// <summary>The robust variance (p × p on the data's scale, NaN when undefined), the robust score
/// statistic and its rank, and the number of clusters.</summary>
internal sealed record CoxRobust(double[] Variance, double? ScoreTest, int ScoreRank, int Clusters);
