namespace Pnen.Stats.Survival.Cox.Zph;

/// <summary>
/// R's <c>cox.zph</c>: a score test per term that its coefficient does not change with g(t), and a
/// global test of all of them, plus what <c>plot.cox.zph</c> draws: per term the scaled Schoenfeld
/// residuals against g(t) at every event, and a natural-spline smooth with its band.
/// A null statistic means the test is not defined for these data (see <see cref="Warnings"/>).
/// </summary>
public sealed record CoxZphResult(
    ZphTransform Transform,
    IReadOnlyList<ZphTermTest> Terms,
    ZphTest? Global,
    IReadOnlyList<double> EventTimes,
    IReadOnlyList<double> TransformedTimes,
    IReadOnlyList<ZphPanel> Panels,
    IReadOnlyList<string> Warnings)
{
    /// <summary>R's name of the transform: km, rank, identity or log.</summary>
    public string TransformName => ZphTimeScale.Name(Transform);

    /// <summary>The test of a variable, or null.</summary>
    public ZphTermTest? Term(string variable) => Terms.FirstOrDefault(t => t.Variable == variable);

    /// <summary>The time labels plot.cox.zph puts under a km or rank panel (empty for identity
    /// and log, which are drawn against time itself).</summary>
    public IReadOnlyList<ZphAxisTick> TimeAxis { get; init; } = [];
}

/// <summary>A labelled tick of the time axis: the (rounded) time and its position on the transformed scale.</summary>
public sealed record ZphAxisTick(double Time, double Position);

/// <summary>A chi-square test; <see cref="ChiSquare"/> and <see cref="PValue"/> are null when the
/// information matrix of the test is singular (e.g. a single event time).</summary>
public sealed record ZphTest(double? ChiSquare, int DegreesOfFreedom, double? PValue);

/// <summary>The test of one term: a numeric covariate, or all indicators of a categorical one together.</summary>
public sealed record ZphTermTest(string Variable, double? ChiSquare, int DegreesOfFreedom, double? PValue);

/// <summary>
/// One panel of <c>plot.cox.zph</c>. <see cref="Residuals"/> has one value per event, in the order
/// of <see cref="CoxZphResult.EventTimes"/>: β̂ plus the scaled Schoenfeld residual (1 plus the
/// residual of the linear predictor for a categorical term); null where the term is constant in
/// the event's stratum (a structural zero, not plotted). <see cref="Smooth"/> is null when the
/// spline cannot be fitted (fewer than 4 distinct event times).
/// </summary>
public sealed record ZphPanel(string Variable, IReadOnlyList<double?> Residuals, ZphSmooth? Smooth);

/// <summary>
/// The smooth of a panel on a grid of 40 points from the first to the last transformed event time:
/// least squares on a natural cubic spline basis with 4 degrees of freedom (R's
/// <c>ns(df = 4, intercept = TRUE)</c>), and the band fit ± 2 standard errors, as plot.cox.zph draws them.
/// </summary>
public sealed record ZphSmooth(IReadOnlyList<double> X, IReadOnlyList<double> Fit, IReadOnlyList<double> Lower, IReadOnlyList<double> Upper);
