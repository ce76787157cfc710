using System.Globalization;
using Pnen.Stats.Survival.Cox;
using Pnen.Stats.Weighting;

namespace Pnen.Dsl;

public sealed partial record PlanDeclaration
{
    /// <summary>The propensity-score weighting the plan declares (<c>.Weighting(...)</c>), or null.</summary>
    public WeightingDeclaration? Weighting { get; init; }

    /// <summary>The adjusted curves the plan declares (<c>.AdjustedCurves(...)</c>), or null.</summary>
    public AdjustedCurvesDeclaration? AdjustedCurves { get; init; }
}

/// <summary>
/// Inverse probability of treatment weighting: the estimand (and the ATT's focal level, by label), whether
/// the weights are stabilised, the quantiles they are truncated at, and the propensity model's covariates.
/// </summary>
public sealed record WeightingDeclaration(
    Estimand Estimand,
    string? Focal,
    bool Stabilized,
    double? TruncateLower,
    double? TruncateUpper,
    IReadOnlyList<VariableDeclaration> Covariates);

/// <summary>
/// Adjusted curves by direct standardisation: the model they come from (its id and name; its covariates
/// are the cohort's, a screened model's differ by cohort and are not listed) or the covariates listed,
/// the ties, the times and horizon of the absolute effects, and the bootstrap (0 replicates = none).
/// </summary>
public sealed record AdjustedCurvesDeclaration(
    string? ModelId,
    string? ModelName,
    IReadOnlyList<VariableDeclaration> Covariates,
    CoxTies Ties,
    IReadOnlyList<double> Times,
    double? Tau,
    int Bootstrap,
    int? Seed);

/// <summary>Reads the confounding steps of a plan into their declarations.</summary>
internal static class ConfoundingDeclarations
{
    public static WeightingDeclaration? Weighting<T, TX>(StudyPlan<T, TX> plan) where T : ICodebook<T> where TX : notnull =>
        plan.WeightingSpec is { } w
            ? new WeightingDeclaration(w.Estimand, FocalLabel(plan, w), w.Stabilize, w.Truncation?.Lower, w.Truncation?.Upper,
                w.Covariates.Select(PlanDeclarations.Variable).ToArray())
            : null;

    public static AdjustedCurvesDeclaration? Curves<T, TX>(StudyPlan<T, TX> plan) where T : ICodebook<T> where TX : notnull =>
        plan.CurvesSpec is { } c
            ? new AdjustedCurvesDeclaration(c.ModelId, c.ModelName, c.Covariates.Select(PlanDeclarations.Variable).ToArray(), c.Ties,
                c.Times.ToArray(), c.Tau, c.Replicates, c.Seed)
            : null;

    /// <summary>The confounding steps' lines of the plan's canonical description (its fingerprint).</summary>
    public static IEnumerable<string> Describe(PlanDeclaration d)
    {
        if (d.Weighting is { } w)
        {
            yield return string.Create(CultureInfo.InvariantCulture,
                $"weighting: {w.Estimand} focal {w.Focal}, stabilised {w.Stabilized}, truncated at {w.TruncateLower} and {w.TruncateUpper}");
            foreach (var v in w.Covariates) yield return $"  propensity covariate: {PlanDescription.Variable(v)}";
        }
        if (d.AdjustedCurves is { } c)
        {
            yield return string.Create(CultureInfo.InvariantCulture,
                $"adjusted curves: model {c.ModelId} {c.ModelName}, {c.Ties}, at {string.Join(", ", c.Times)}, tau {c.Tau}, bootstrap {c.Bootstrap} seed {c.Seed}");
            foreach (var v in c.Covariates) yield return $"  standardisation covariate: {PlanDescription.Variable(v)}";
        }
    }

    /// <summary>The ATT's focal level: the one named, else (two levels) the level that is not the reference.</summary>
    private static string? FocalLabel<T, TX>(StudyPlan<T, TX> plan, WeightingSpec<T> w) where T : ICodebook<T> where TX : notnull
    {
        if (w.Estimand != Estimand.Att) return null;
        var levels = plan.ExposureSpec.Levels;
        return w.Focal is { } focal ? levels[focal] : levels.Count == 2 ? levels[1 - plan.ExposureSpec.Reference] : null;
    }
}
