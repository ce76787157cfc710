using Pnen.Stats.Survival.Cox.Zph;

namespace Pnen.Dsl;

/// <summary>
/// Harrell's C of a model's linear predictor with its infinitesimal-jackknife standard error, as
/// <c>summary(coxph)$concordance</c> (pairs within strata; with a cluster, the cluster-robust standard
/// error). Null when the model has no coefficient or no comparable pair.
/// </summary>
public sealed record ModelConcordance(double? C, double? StdErr);

/// <summary>
/// Firth's penalised estimate of one row (Heinze &amp; Schemper 2001, as R's coxphf 1.13: Breslow ties):
/// the hazard ratio, its profile penalised likelihood limits and the penalised likelihood-ratio test of
/// the coefficient. A limit or the test is null where its iterations did not converge (coxphf gives NA).
/// </summary>
public sealed record FirthEstimate(double Coefficient, double HazardRatio, double? Lower, double? Upper, double? ChiSquare, double? P);

/// <summary>
/// The proportional hazards check of one model in one cohort, as R survival 3.x's <c>cox.zph</c> with
/// the Kaplan-Meier transform of time (its default): the score test per term (a categorical variable's,
/// a spline's and an interaction's columns together) and the global test, and what <c>plot.cox.zph</c>
/// draws: per term the scaled Schoenfeld residuals at each event against the transformed time, with a
/// natural-spline smooth and its band. A Firth model is checked through the ordinary (Breslow) fit of its
/// terms (<see cref="OfOrdinaryFit"/>), since cox.zph tests a partial-likelihood fit.
/// </summary>
public sealed class ProportionalHazardsResult
{
    internal ProportionalHazardsResult(CoxZphResult zph, IReadOnlyList<ProportionalHazardsTerm> terms, bool ofOrdinaryFit)
    {
        Transform = zph.TransformName;
        Global = zph.Global is { } g ? new TestResult(TestKind.ProportionalHazards, g.ChiSquare, g.DegreesOfFreedom, g.PValue) : null;
        Terms = terms;
        EventTimes = zph.EventTimes;
        TransformedTimes = zph.TransformedTimes;
        TimeAxis = zph.TimeAxis;
        Warnings = zph.Warnings;
        OfOrdinaryFit = ofOrdinaryFit;
    }

    /// <summary>R's name of the function of time: "km", 1 − the Kaplan-Meier estimate just before t.</summary>
    public string Transform { get; }

    /// <summary>The global test of all terms together (null when the test is not defined here).</summary>
    public TestResult? Global { get; }

    /// <summary>One test and one panel per term of the fit, in the model's order.</summary>
    public IReadOnlyList<ProportionalHazardsTerm> Terms { get; }

    /// <summary>The time of each event, in the order of each panel's residuals.</summary>
    public IReadOnlyList<double> EventTimes { get; }

    /// <summary>The transformed time of each event: the panels' x.</summary>
    public IReadOnlyList<double> TransformedTimes { get; }

    /// <summary>The labelled times plot.cox.zph puts under the transformed axis.</summary>
    public IReadOnlyList<ZphAxisTick> TimeAxis { get; }

    /// <summary>What the engine said (a test not defined, a smooth that could not be fitted), in its words.</summary>
    public IReadOnlyList<string> Warnings { get; }

    /// <summary>True for a Firth model: the test is of the ordinary fit of the same terms (Breslow ties).</summary>
    public bool OfOrdinaryFit { get; }

    /// <summary>The term with this id, or null (a term left out of the fit has none).</summary>
    public ProportionalHazardsTerm? Term(string id) => Terms.FirstOrDefault(t => t.Id == id);
}

/// <summary>
/// One term's proportional hazards test and its panel: <see cref="Residuals"/> has one value per event
/// (β̂ plus the scaled Schoenfeld residual; for a term of several columns, 1 plus the residual of its
/// part of the linear predictor; null where the term is constant in the event's stratum), the panel's
/// horizontal line is at <see cref="Coefficient"/> (β̂, or 1 for several columns), and
/// <see cref="Smooth"/> is plot.cox.zph's smooth with its ±2 se band (null with fewer than 4 event times).
/// </summary>
public sealed record ProportionalHazardsTerm(
    string Id,
    string Label,
    TestResult Test,
    double Coefficient,
    IReadOnlyList<double?> Residuals,
    ZphSmooth? Smooth);
