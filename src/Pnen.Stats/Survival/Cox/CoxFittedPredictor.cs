namespace Pnen.Stats.Survival.Cox;

/// <summary>
/// What the concordance of a right-censored fit needs, kept from the fit itself rather than rebuilt
/// from the data (<see cref="CoxFittedRows"/> sorts the rows and fills the matrix a second time):
/// the rows in the fit's (stratum, time) order with their fixed times, and each row's linear
/// predictor. The predictor is read from the fit's centred and scaled matrix with the scaled
/// coefficients, so it differs from x'β on centred columns by a constant (indicator columns are not
/// centred) and rounding: the order of the rows by it, all the concordance uses, is the same, and
/// rows with equal covariates have exactly equal predictors either way.
/// </summary>
internal sealed class CoxFittedPredictor
{
    private CoxFittedPredictor(double[] time, bool[] status, int[] stratumStart, double[] linearPredictor)
    {
        Time = time;
        Status = status;
        StratumStart = stratumStart;
        LinearPredictor = linearPredictor;
    }

    /// <summary>Times after the time fix, in sorted order.</summary>
    public double[] Time { get; }

    public bool[] Status { get; }

    /// <summary>Stratum b (of those with rows) holds sorted rows [StratumStart[b], StratumStart[b + 1]).</summary>
    public int[] StratumStart { get; }

    public double[] LinearPredictor { get; }

    /// <summary>Read right after the iterations, while the design still holds the matrix they scaled.
    /// Columns the fit found collinear (zero variance, as <see cref="CoxRegression"/> drops them) add nothing.</summary>
    public static CoxFittedPredictor Of(CoxDesign design, CoxNewtonRaphson engine, CoxFit fit)
    {
        var n = design.Rows;
        var p = design.Columns;
        var beta = new double[p];
        for (var c = 0; c < p; c++)
        {
            beta[c] = fit.Variance[c * p + c] == 0 ? 0 : fit.Beta[c] / engine.Scale[c];
        }
        var used = Enumerable.Range(0, p).Where(c => beta[c] != 0).ToArray();

        var x = design.X;
        var eta = new double[n];
        for (var r = 0; r < n; r++)
        {
            var row = (long)r * p;
            var sum = 0.0;
            foreach (var c in used) sum += x[row + c] * beta[c];
            eta[r] = sum;
        }

        var starts = new List<int> { 0 };
        for (var r = 0; r < n; r++)
        {
            if (design.LastInStratum[r]) starts.Add(r + 1);
        }
        return new CoxFittedPredictor(design.Time, design.Status, n == 0 ? [0] : starts.ToArray(), eta);
    }
}
