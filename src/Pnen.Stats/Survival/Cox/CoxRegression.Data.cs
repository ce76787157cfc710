using Pnen.Stats.Survival.Cox.Terms;

namespace Pnen.Stats.Survival.Cox;

public static partial class CoxRegression
{
    /// <summary>
    /// A Cox model on counting-process (start, stop] data, with case weights and a robust
    /// (cluster) variance: R's <c>coxph(Surv(start, stop, event) ~ ..., weights =, cluster =,
    /// robust =)</c>. Without entry times, weights or a robust variance this is the
    /// right-censored fit above, on its fast path.
    /// <list type="bullet">
    /// <item>The likelihood is agfit4's (coxfit6's for weighted right-censored data): each death
    /// time's risk set holds the rows with start &lt; t ≤ stop of its stratum, so an event at a
    /// time equal to another row's start does not see that row.</item>
    /// <item>Rows of weight 0 are left out (R's coxph refuses them; the fit equals coxph on the
    /// other rows) and named in a warning.</item>
    /// <item>Near-tied start and stop times are merged together, as aeqSurv does.</item>
    /// <item>The robust variance follows <see cref="CoxOptions.Robust"/>; R's default is robust
    /// with clusters or weights that are not whole numbers. Each row is its own cluster unless
    /// <see cref="SurvivalData.Cluster"/> says otherwise; as in R, counting-process data asked
    /// for a robust variance explicitly need clusters (the patient of each interval).</item>
    /// </list>
    /// </summary>
    public static CoxResult Fit(
        SurvivalData data,
        IReadOnlyList<CoxCovariate> covariates,
        CoxOptions? options = null,
        CoxStrata? strata = null) => Fit(data, covariates, options, strata, fitted: null);

    /// <param name="fitted">Called with the design, the iterations and their outcome when the data
    /// take the right-censored, unweighted, model-based path (as the span overload calls it); not
    /// called for weighted, counting-process or robust fits.</param>
    /// <param name="designed">On that same path, called with the design before the iterations scale its matrix.</param>
    internal static CoxResult Fit(
        SurvivalData data, IReadOnlyList<CoxCovariate> covariates, CoxOptions? options, CoxStrata? strata,
        Action<CoxDesign, CoxNewtonRaphson, CoxFit>? fitted, Action<CoxDesign>? designed = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        options ??= CoxOptions.Default;
        data.Check();
        var robust = options.Robust ?? (data.Cluster is not null || data.HasFractionalWeights);
        if (robust && options.Robust == true && data.IsCountingProcess && data.Cluster is null)
        {
            throw new ArgumentException("a robust variance of counting-process data needs clusters (each interval's patient), as R's coxph: \"one of cluster or id is needed\"", nameof(data));
        }
        if (!data.IsCountingProcess && data.Weights is null && !robust)
        {
            return Fit(data.Time, data.Status, covariates, options, strata, fitted, designed);
        }

        var warnings = new List<string>();
        var missingCluster = 0;
        if (data.RowsWithCluster() is { } clustered)
        {
            missingCluster = data.Count - clustered.Length;
            warnings.Add($"{missingCluster} row{(missingCluster == 1 ? " was" : "s were")} left out because the cluster was missing");
            (data, covariates, strata) = Subset(data, covariates, strata, clustered);
        }
        if (data.PositiveWeightRows() is { } positive)
        {
            var zero = data.Count - positive.Length;
            warnings.Add($"{zero} row{(zero == 1 ? " has" : "s have")} weight 0 and {(zero == 1 ? "was" : "were")} left out (a zero weight adds nothing to the partial likelihood; R's coxph refuses it)");
            (data, covariates, strata) = Subset(data, covariates, strata, positive);
        }

        // aeqSurv on the complete cases' (start, stop] together; the design then sorts as it is.
        var counting = data.IsCountingProcess;
        if (counting && options.TimeFix) data = FixCompleteRows(data, covariates, strata);
        var design = CoxDesign.Build(data.Time, data.Status, covariates, strata, timeFix: !counting && options.TimeFix);
        var start = data.Start is null ? null : SurvivalData.Gather(data.Start, design.SourceRows);
        var weights = data.Weights is null ? null : SurvivalData.Gather(data.Weights, design.SourceRows);

        Func<CoxNewtonRaphson, CoxFit, CoxRobust>? robustVariance = null;
        if (robust)
        {
            var (cluster, clusters) = DenseClusters(data.Cluster, design.SourceRows);
            if (clusters < 2) warnings.Add("the robust variance needs at least two clusters; with one it is not defined (standard errors, z, p and limits are left empty)");
            robustVariance = (engine, fit) => CoxRobustVariance.Compute(design, engine, fit, start, weights, cluster, clusters, options.Ties, options.CholeskyTolerance);
        }
        design.Warnings.AddRange(warnings);
        var result = FitDesign(design, options, strata is not null, d => new CoxNewtonRaphson(d, options.Ties, start, weights), robustVariance);
        return missingCluster == 0 ? result : result with { Dropped = result.Dropped + missingCluster };
    }

    private static (SurvivalData, IReadOnlyList<CoxCovariate>, CoxStrata?) Subset(
        SurvivalData data, IReadOnlyList<CoxCovariate> covariates, CoxStrata? strata, int[] rows) =>
        (data.Subset(rows), covariates.Select(c => AnalysedRows.Subset(c, rows)).ToArray(), AnalysedRows.Subset(strata, rows));

    private static SurvivalData FixCompleteRows(SurvivalData data, IReadOnlyList<CoxCovariate> covariates, CoxStrata? strata)
    {
        var complete = CoxDesign.CompleteRows(data.Count, covariates, strata);
        if (complete is null) return data.WithTimeFix();
        var fixedRows = data.Subset(complete).WithTimeFix();
        var start = (double[])data.Start!.Clone();
        var stop = (double[])data.Time.Clone();
        for (var i = 0; i < complete.Length; i++)
        {
            start[complete[i]] = fixedRows.Start![i];
            stop[complete[i]] = fixedRows.Time[i];
        }
        return data with { Start = start, Time = stop };
    }

    /// <summary>Cluster indices 0..k-1 of the design's rows, in order of first appearance; each
    /// row its own cluster when there are no codes.</summary>
    private static (int[] Cluster, int Count) DenseClusters(int[]? codes, int[] sourceRows)
    {
        var dense = new int[sourceRows.Length];
        if (codes is null)
        {
            for (var i = 0; i < dense.Length; i++) dense[i] = i;
            return (dense, dense.Length);
        }
        var index = new Dictionary<int, int>();
        for (var i = 0; i < dense.Length; i++)
        {
            var code = codes[sourceRows[i]];
            if (!index.TryGetValue(code, out var c)) index[code] = c = index.Count;
            dense[i] = c;
        }
        return (dense, index.Count);
    }

}
