using Pnen.Stats.Distributions;

namespace Pnen.Stats.Survival.Cox.Terms;

/// <summary>
/// A Cox model built from terms (numeric, per-unit, categorical, spline, interaction), fitted,
/// and kept with its analysed rows so that nested models can be tested against it:
/// <see cref="TestWithout(CoxCovariate[])"/> (an interaction, any group of terms) and
/// <see cref="TestNonlinearity(string)"/> (a spline against its variable entered linearly) refit
/// the smaller model to the complete cases of this one, as R's <c>anova(fit0, fit1)</c> requires.
/// Spline knots are placed once, on this model's analysed values, and kept by the smaller models.
/// Terms are named by <see cref="CoxCovariate.Name"/>, which must differ between terms; the
/// fit itself is <see cref="CoxRegression.Fit(SurvivalData, IReadOnlyList{CoxCovariate}, CoxOptions?, CoxStrata?)"/>'s.
/// </summary>
public sealed class CoxModel
{
    private readonly int[]? _analysed;
    private readonly SurvivalData _data;
    private readonly CoxStrata? _strata;

    private CoxModel(IReadOnlyList<CoxCovariate> covariates, CoxOptions options, CoxResult result, int[]? analysed, SurvivalData data, CoxStrata? strata)
    {
        Covariates = covariates;
        Options = options;
        Result = result;
        _analysed = analysed;
        _data = data;
        _strata = strata;
        Columns = ColumnsOf(covariates, result);
    }

    /// <summary>The terms, as fitted: splines carry the basis (knots) placed on the analysed rows.</summary>
    public IReadOnlyList<CoxCovariate> Covariates { get; }

    public CoxOptions Options { get; }

    public CoxResult Result { get; }

    /// <summary>Every estimated column, in the order of <see cref="CoxResult.Terms"/>.</summary>
    public IReadOnlyList<CoxModelColumn> Columns { get; }

    public static CoxModel Fit(
        ReadOnlySpan<double> time,
        ReadOnlySpan<bool> status,
        IReadOnlyList<CoxCovariate> covariates,
        CoxOptions? options = null,
        CoxStrata? strata = null)
    {
        SurvivalInput.Check(time, status);
        return Fit(new SurvivalData(time.ToArray(), status.ToArray()), covariates, options, strata);
    }

    /// <summary>As <see cref="Fit(ReadOnlySpan{double}, ReadOnlySpan{bool}, IReadOnlyList{CoxCovariate}, CoxOptions?, CoxStrata?)"/>;
    /// with <paramref name="keepRowsForZph"/> the model also keeps a copy of its analysed matrix
    /// (taken before the iterations centre and scale it), so that <see cref="Zph.CoxZph.Test(CoxModel, Zph.ZphTransform, bool)"/>
    /// reads the fit's sorted rows instead of building them again: the same numbers, for the memory
    /// of one more copy of the matrix.</summary>
    public static CoxModel Fit(
        ReadOnlySpan<double> time,
        ReadOnlySpan<bool> status,
        IReadOnlyList<CoxCovariate> covariates,
        CoxOptions? options,
        CoxStrata? strata,
        bool keepRowsForZph)
    {
        SurvivalInput.Check(time, status);
        return Fit(new SurvivalData(time.ToArray(), status.ToArray()), covariates, options, strata, keepRowsForZph);
    }

    /// <summary>The model on (start, stop] data, with case weights and clusters, as
    /// <see cref="CoxRegression.Fit(SurvivalData, IReadOnlyList{CoxCovariate}, CoxOptions?, CoxStrata?)"/>
    /// fits it. The analysed rows (where spline knots are placed and nested models are refitted)
    /// leave out, besides missing values, the rows that fit leaves out: weight 0, missing cluster.</summary>
    public static CoxModel Fit(
        SurvivalData data,
        IReadOnlyList<CoxCovariate> covariates,
        CoxOptions? options = null,
        CoxStrata? strata = null) => Fit(data, covariates, options, strata, keepRowsForZph: false);

    private static CoxModel Fit(SurvivalData data, IReadOnlyList<CoxCovariate> covariates, CoxOptions? options, CoxStrata? strata, bool keepRowsForZph)
    {
        ArgumentNullException.ThrowIfNull(data);
        options ??= CoxOptions.Default;
        var duplicate = covariates.GroupBy(c => c.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw new ArgumentException($"two terms are named '{duplicate.Key}'; each term of a model needs a name of its own", nameof(covariates));
        data.Check();
        var n = data.Count;
        foreach (var c in covariates)
        {
            if (c.Length != n) throw new ArgumentException($"covariate '{c.Name}' has {c.Length} values but time has {n}", nameof(covariates));
        }
        if (strata is not null && strata.Codes.Length != n) throw new ArgumentException($"strata '{strata.Name}' has {strata.Codes.Length} values but time has {n}", nameof(strata));

        var analysed = Fitted(AnalysedRows.Complete(n, covariates, strata), data);
        var fixedKnots = covariates.Select(c => AnalysedRows.Rewrite(c, term => term is SplineCovariate { Basis: null } spline
            ? spline.BasisOn(analysed, out _) is { } basis ? spline with { Basis = basis } : null
            : null)).ToArray();
        // Right-censored rows without weights or a robust variance: the fit keeps its sorted rows'
        // linear predictor for the concordance.
        CoxFittedPredictor? predictor = null;
        double[]? unscaled = null;
        (CoxDesign Design, double[] ColumnSums)? iterated = null;
        var result = CoxRegression.Fit(data, fixedKnots, options, strata,
            (design, engine, fit) =>
            {
                predictor = CoxFittedPredictor.Of(design, engine, fit);
                if (unscaled is not null) iterated = (design, engine.ColumnTotals);
            },
            keepRowsForZph ? design => unscaled = CopyOf(design.X) : null);
        return new CoxModel(fixedKnots, options, result, analysed, analysed is null ? data : data.Subset(analysed), AnalysedRows.Subset(strata, analysed))
        {
            Predictor = predictor,
            FittedRows = iterated is var (design, sums)
                ? CoxFittedRows.FromFit(design, unscaled!, sums, result.Terms.Select(t => (t.Variable, t.Level, t.Coefficient)))
                : null,
        };
    }

    private const int ParallelCopy = 1 << 20;

    /// <summary>A copy of the matrix, on two cores when large (each half faults in its own pages).</summary>
    private static double[] CopyOf(double[] x)
    {
        var copy = GC.AllocateUninitializedArray<double>(x.Length);
        TwoHalves.Run(0, x.Length, ParallelCopy, (from, to) => x.AsSpan(from, to - from).CopyTo(copy.AsSpan(from, to - from)));
        return copy;
    }

    /// <summary>The fit's sorted, centred rows, kept when asked (right-censored, unweighted fits
    /// with a coefficient); null otherwise.</summary>
    internal CoxFittedRows? FittedRows { get; private init; }

    /// <summary>The fit's sorted, centred rows: those kept from the fit, else built again from the
    /// analysed rows (the same rows, complete cases and time fix as the fit's).</summary>
    internal CoxFittedRows Rows() => FittedRows ?? CoxFittedRows.Build(_data.Time, _data.Status,
        Covariates.Select(c => AnalysedRows.Subset(c, _analysed)).ToArray(), _strata, Options.TimeFix,
        Result.Terms.Select(t => (t.Variable, t.Level, t.Coefficient)));

    /// <summary>The fit's sorted rows and linear predictor (right-censored, unweighted fits with a
    /// coefficient); null otherwise.</summary>
    internal CoxFittedPredictor? Predictor { get; private init; }

    /// <summary>The complete rows that the fit also keeps (positive weight, a cluster); null for all rows.</summary>
    private static int[]? Fitted(int[]? complete, SurvivalData data)
    {
        if (complete is null && data.Weights is null && data.Cluster is null) return null;
        var kept = new bool[data.Count];
        Array.Fill(kept, complete is null);
        if (complete is not null) foreach (var row in complete) kept[row] = true;
        if (data.Weights is { } weights) for (var i = 0; i < kept.Length; i++) kept[i] &= weights[i] > 0;
        if (data.Cluster is { } cluster) for (var i = 0; i < kept.Length; i++) kept[i] &= cluster[i] >= 0;
        var rows = Enumerable.Range(0, kept.Length).Where(i => kept[i]).ToArray();
        return rows.Length == kept.Length ? null : rows;
    }

    /// <summary>The likelihood-ratio test of these terms: this model against the same model
    /// without them, on this model's rows (R: anova(fit without them, fit)).</summary>
    public CoxLikelihoodRatioTest TestWithout(params CoxCovariate[] terms) => TestWithout(terms.Select(t => t.Name).ToArray());

    /// <inheritdoc cref="TestWithout(CoxCovariate[])"/>
    public CoxLikelihoodRatioTest TestWithout(params string[] names)
    {
        if (names.Length == 0) throw new ArgumentException("name at least one term to test", nameof(names));
        foreach (var name in names) Find(name);
        var reduced = Covariates.Where(c => !names.Contains(c.Name, StringComparer.Ordinal)).ToArray();
        return Compare(names, reduced);
    }

    /// <summary>The likelihood-ratio test of non-linearity: this model against the same model with
    /// the spline's variable entered linearly, in its interactions too (R: anova(fit with x, fit
    /// with ns(x, df))).</summary>
    public CoxLikelihoodRatioTest TestNonlinearity(string spline)
    {
        if (Find(spline) is not SplineCovariate term) throw new ArgumentException($"'{spline}' is not a spline term of the model", nameof(spline));
        var linear = Covariates.Select(c => AnalysedRows.Rewrite(c, t =>
            t is SplineCovariate s && s.Name == spline ? new NumericCovariate(s.Name, s.Values) : null)).ToArray();
        // A spline that could not be made was left out of this model: it is no larger model than the linear one.
        return Compare([spline], linear, term.Basis is null ? $"no spline of {spline} could be made, so its non-linearity cannot be tested" : null);
    }

    /// <inheritdoc cref="TestNonlinearity(string)"/>
    public CoxLikelihoodRatioTest TestNonlinearity(SplineCovariate spline) => TestNonlinearity(spline.Name);

    private CoxCovariate Find(string name) =>
        Covariates.FirstOrDefault(c => c.Name == name) ?? throw new ArgumentException($"'{name}' is not a term of the model (terms: {string.Join(", ", Covariates.Select(c => c.Name))})", nameof(name));

    private CoxLikelihoodRatioTest Compare(IReadOnlyList<string> names, IReadOnlyList<CoxCovariate> reducedTerms, string? undefined = null)
    {
        var covariates = reducedTerms.Select(c => AnalysedRows.Subset(c, _analysed)).ToArray();
        var reduced = CoxRegression.Fit(_data, covariates, Options, _strata);
        var full = Result;
        var warnings = new List<string>();
        var what = string.Join(" + ", names);
        if (!full.Converged) warnings.Add($"the model with {what} did not converge");
        if (!reduced.Converged) warnings.Add($"the model without {what} did not converge");

        var df = undefined is null ? Math.Abs(full.Terms.Count - reduced.Terms.Count) : 0;
        double? chisq = null, p = null;
        if (undefined is not null)
        {
            warnings.Add(undefined);
        }
        else if (df == 0)
        {
            warnings.Add(full.Events == 0 ? $"there are no events: {what} cannot be tested" : $"{what} adds no estimable coefficient to the model: nothing to test");
        }
        else if (full.N > 0 && full.Events > 0)
        {
            chisq = Math.Abs(2 * (full.LogLikelihoodEnd - reduced.LogLikelihoodEnd));
            p = ChiSquared.UpperTail(chisq.Value, df);
        }
        return new CoxLikelihoodRatioTest(names, chisq, df, p, full.N, full.LogLikelihoodEnd, reduced.LogLikelihoodEnd, warnings) { Reduced = reduced };
    }

    private static CoxModelColumn[] ColumnsOf(IReadOnlyList<CoxCovariate> covariates, CoxResult result)
    {
        var names = covariates.ToDictionary(c => c.Name, CovariateColumns.Names, StringComparer.Ordinal);
        var byName = covariates.ToDictionary(c => c.Name, StringComparer.Ordinal);
        return result.Terms.Select(term =>
        {
            var covariate = byName[term.Variable];
            var label = names[term.Variable].FirstOrDefault(n => n.Level == term.Level).Label ?? CoxDesign.Label(term.Variable, term.Level);
            return new CoxModelColumn(covariate, term.Variable, term.Level, label, term);
        }).ToArray();
    }
}
