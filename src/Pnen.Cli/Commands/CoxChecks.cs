using Pnen.Cli.CommandLine;
using Pnen.Stats.Survival;
using Pnen.Stats.Survival.Concordance;
using Pnen.Stats.Survival.Cox;
using Pnen.Stats.Survival.Cox.Firth;
using Pnen.Stats.Survival.Cox.Terms;
using Pnen.Stats.Survival.Cox.Zph;

namespace Pnen.Cli.Commands;

/// <summary>
/// What `pnen cox` computes beside the fit: Harrell's concordance (always), the proportional
/// hazards test (<c>--zph</c>), Firth's penalised fit instead of the ordinary one (<c>--firth</c>),
/// and Firth's estimate beside every coefficient flagged as possibly infinite.
/// </summary>
internal sealed class CoxChecks
{
    public static readonly OptionSpec ZphOption = new("zph", "add the proportional hazards test of R's cox.zph, against this function of time (km = R's default)", ValueName: "km|rank|identity|log");
    public static readonly OptionSpec FirthOption = new("firth", "fit Firth's penalised model (as coxphf 1.13, Breslow ties): finite estimates under separation, profile penalised likelihood limits, penalised LR tests; not with --strata, --zph, --interaction or --spline", IsFlag: true);

    private CoxChecks(ZphTransform? zph, bool firth)
    {
        Zph = zph;
        Firth = firth;
    }

    public ZphTransform? Zph { get; }

    public bool Firth { get; }

    /// <summary>The options, refusing combinations that have no defined meaning.</summary>
    public static CoxChecks Parse(Arguments arguments, string? strata, CoxTermOptions terms)
    {
        ZphTransform? zph = arguments.Optional(ZphOption.Name) is null ? null
            : arguments.Choice(ZphOption.Name, "km", "km", "rank", "identity", "log") switch
            {
                "rank" => ZphTransform.Rank,
                "identity" => ZphTransform.Identity,
                "log" => ZphTransform.Log,
                _ => ZphTransform.KaplanMeier,
            };
        var firth = arguments.Has(FirthOption.Name);
        if (firth)
        {
            if (strata is not null) throw new UsageException("--firth cannot be combined with --strata: Firth's model (as coxphf 1.13) has no strata");
            if (string.Equals(arguments.Optional("ties"), "efron", StringComparison.OrdinalIgnoreCase)) throw new UsageException("--firth uses Breslow ties (as coxphf); leave out --ties efron");
            if (zph is not null) throw new UsageException("--zph tests the ordinary fit (R's cox.zph needs a coxph model): run it without --firth");
            if (terms.Interactions.Count > 0 || terms.Splines.Count > 0) throw new UsageException("--firth does not take --interaction or --spline: their likelihood-ratio tests are those of the ordinary fit");
        }
        return new CoxChecks(zph, firth);
    }

    /// <summary>The model the command reports (Firth's, as a result with the ordinary fit's fields,
    /// when asked), the tests of its interaction and spline terms, and what this adds to it.</summary>
    public (CoxResult Result, CoxTermTests TermTests, CoxExtras Extras) Fit(
        double[] time, bool[] status, IReadOnlyList<CoxCovariate> terms, CoxOptions options, CoxStrata? strata, CoxTermOptions termOptions)
    {
        if (Firth)
        {
            var firth = FirthCoxRegression.Fit(time, status, terms, new FirthOptions { ConfidenceLevel = options.ConfidenceLevel, TimeFix = options.TimeFix });
            var concordance = firth.Terms.Count == 0 ? null : CoxConcordance.Of(time, status, terms, firth, options.TimeFix);
            var chiSquares = firth.Terms.ToDictionary(t => (t.Variable, t.Level), t => t.ChiSquare);
            return (AsCoxResult(firth), CoxTermTests.None, new CoxExtras("firth", concordance, null, chiSquares, null, []));
        }

        // The terms as fitted: a spline keeps the knots placed on the fit's rows.
        var model = CoxModel.Fit(time, status, terms, options, strata, keepRowsForZph: Zph is not null);
        var result = model.Result;
        var covariates = model.Covariates;
        var warnings = new List<string>();
        var c = result.Terms.Count == 0 ? null : CoxConcordance.Of(model);
        CoxZphResult? zph = null;
        if (Zph is { } transform)
        {
            // The command reports the tests, not the plot's residuals and smooths.
            zph = CoxZph.Test(model, transform, withPanels: false);
            warnings.AddRange(zph.Warnings.Select(w => $"zph: {w}"));
        }
        FirthCoxResult? fallback = null;
        if (result.Terms.Any(t => t.PossiblyInfinite))
        {
            if (strata is null)
            {
                fallback = FirthCoxRegression.Fit(time, status, covariates, new FirthOptions { ConfidenceLevel = options.ConfidenceLevel, TimeFix = options.TimeFix });
                warnings.Add("Firth's penalised estimate (as coxphf, Breslow ties) is given beside each coefficient that may be infinite");
            }
            else
            {
                warnings.Add("no Firth estimate beside the possibly infinite coefficients: Firth's model (as coxphf) has no strata");
            }
        }
        return (result, termOptions.Test(model), new CoxExtras("coxph", c, zph, null, fallback, warnings));
    }

    /// <summary>The model on (start, stop] rows, with case weights or a robust variance: its fit
    /// and term tests; concordance, zph and Firth are not computed for such data (a warning says so).</summary>
    public static (CoxResult Result, CoxTermTests TermTests, CoxExtras Extras) FitRecords(
        SurvivalData data, IReadOnlyList<CoxCovariate> terms, CoxOptions options, CoxStrata? strata, CoxTermOptions termOptions)
    {
        var model = CoxModel.Fit(data, terms, options, strata);
        string[] warnings = model.Result.Terms.Count == 0 ? [] : ["concordance is not computed for (start, stop] rows, case weights or a robust variance"];
        return (model.Result, termOptions.Test(model), new CoxExtras("coxph", null, null, null, null, warnings));
    }

    /// <summary>Firth's fit in the fields of the ordinary one: the limits are the profile
    /// penalised likelihood limits (NaN, written null, where they did not converge), p the
    /// penalised likelihood-ratio test, the likelihood-ratio test penalised, no score test.</summary>
    private static CoxResult AsCoxResult(FirthCoxResult firth) =>
        new(firth.N, firth.Events, firth.Dropped, firth.Iterations, firth.Converged, firth.LogLikelihoodStart, firth.LogLikelihoodEnd,
            firth.LikelihoodRatio, firth.Wald, null, CoxTies.Breslow,
            firth.Terms.Select(t => new CoxTerm(t.Variable, t.Level, t.Coefficient, t.StdErr, t.Z, t.PValue ?? double.NaN,
                t.HazardRatio, t.Lower ?? double.NaN, t.Upper ?? double.NaN, false)).ToList(),
            firth.DroppedTerms, firth.Warnings)
        {
            Variance = firth.Variance,
        };
}

/// <summary>
/// The additions to a `pnen cox` report: how the model was fitted ("coxph" or "firth"), its
/// concordance (null without a coefficient), the zph test when asked, Firth's penalised LR
/// chi-square per term (Firth's fit), Firth's fit beside possibly infinite terms, and warnings.
/// </summary>
internal sealed record CoxExtras(
    string Method,
    ConcordanceResult? Concordance,
    CoxZphResult? Zph,
    IReadOnlyDictionary<(string Variable, string? Level), double?>? FirthChiSquares,
    FirthCoxResult? Fallback,
    IReadOnlyList<string> Warnings);
