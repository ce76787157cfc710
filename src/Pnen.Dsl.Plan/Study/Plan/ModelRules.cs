using Pnen.Stats.Survival.Cox;

namespace Pnen.Dsl;

/// <summary>
/// What a model's fitting method allows, checked when the plan is built (the Pnen analyzers report the
/// same mistakes at compile time: PNEN057-PNEN060). Firth's method is coxphf's: Breslow's partial
/// likelihood without strata, each coefficient tested by its own penalised likelihood-ratio test, no
/// robust variance; so a Firth model takes neither Efron ties, nor strata, nor the terms whose tests are
/// joint likelihood-ratio tests of the ordinary fit (splines, interactions), nor a cluster.
/// </summary>
internal static class ModelRules<T> where T : ICodebook<T>
{
    /// <summary>Refuses a Firth model that declares what Firth's method does not take.</summary>
    /// <param name="timeDependent">The plan's exposure is time-dependent (<c>startsAt:</c>): its models are fitted on (start, stop] rows.</param>
    public static void CheckFirth(string name, CoxTies ties, ModelBuilder<T> builder, IReadOnlyList<CharacteristicSpec<T>> planStrata, bool timeDependent)
    {
        if (!builder.FirthFit) return;
        string? why = null;
        if (ties == CoxTies.Efron) why = "uses Breslow ties (as coxphf): declare it with Cox.Breslow";
        else if (builder.Strata.Count > 0 || planStrata.Count > 0) why = $"has no strata (as coxphf), and {(builder.Strata.Count > 0 ? builder.Strata[0] : planStrata[0]).Label} stratifies it";
        else if (builder.Terms.Any(t => t.Form == TermForm.Spline)) why = "does not take a spline (its test is a likelihood-ratio test of the ordinary fit)";
        else if (builder.Interactions.Count > 0) why = "does not take an interaction (its test is a likelihood-ratio test of the ordinary fit)";
        else if (builder.ClusterBy is not null) why = "has no robust variance (as coxphf), so it takes no cluster";
        else if (timeDependent) why = "takes right-censored rows (as coxphf), and the plan's time-dependent exposure (startsAt:) makes (start, stop] rows";
        if (why is not null) throw new ArgumentException($"The model '{name}' is fitted by Firth's method, which {why}.", "configure");
    }

    /// <summary>Plan-level strata added after a Firth model would stratify it.</summary>
    public static void CheckStrata(IEnumerable<ModelSpec<T>> models, CharacteristicSpec<T> strata)
    {
        if (models.FirstOrDefault(m => m.Firth) is { } firth)
        {
            throw new ArgumentException($"The model '{firth.Name}' is fitted by Firth's method, which has no strata (as coxphf), and {strata.Label} would stratify it.", "by");
        }
    }
}
