using static Pnen.Formatting.Numbers;

namespace Pnen.Dsl.Report;

/// <summary>
/// The words the models table and the methods add for how a model was fitted and checked: Firth's
/// method, a cluster-robust variance, Harrell's C, and Firth's estimates beside possibly infinite rows.
/// </summary>
internal static class ModelCheckText
{
    /// <summary>How a model was fitted beyond its terms, as parts of its description.</summary>
    public static IEnumerable<string> Fitting(ModelDeclaration model)
    {
        if (model.Firth) yield return "fitted by Firth's penalised partial likelihood";
        if (model.Cluster is { } cluster) yield return $"robust (sandwich) variance clustered by {Prose.Inline(cluster.Label)}";
    }

    /// <summary>What the methods say of a model's fitting beyond its terms (", fitted by ...").</summary>
    public static string MethodsOf(ModelDeclaration model)
    {
        var text = "";
        if (model.Firth)
        {
            text += ", fitted by Firth's penalised partial likelihood (Heinze and Schemper 2001, as R's coxphf: profile penalised likelihood confidence intervals, penalised likelihood-ratio tests)";
        }
        if (model.Cluster is { } cluster) text += $", with a robust (sandwich) variance clustered by {Prose.Inline(cluster.Label)} (R's cluster())";
        return text;
    }

    /// <summary>The methods' paragraph on model checking, when the plan has models.</summary>
    public static string? Methods(PlanDeclaration plan)
    {
        if (plan.Models.Count == 0) return null;
        var fallback = plan.Models.Any(m => !m.Firth)
            ? " A hazard ratio whose coefficient may be infinite (monotone likelihood, e.g. a level without events) is shown with Firth's penalised estimate of the same model beside it " +
              "(as coxphf: Breslow ties, profile penalised likelihood 95% CI, penalised likelihood-ratio P; not in stratified analyses, which coxphf does not fit)."
            : "";
        return "Model checking: the proportional hazards assumption of every model was tested by the score test of R survival's cox.zph, with time on the Kaplan–Meier scale " +
            "(each term, a categorical one's levels together, and all terms globally; P < 0.05 flagged), and shown by the scaled Schoenfeld residuals against time with a smooth and its band; " +
            "discrimination by Harrell's concordance (C) with its standard error." + fallback;
    }

    /// <summary>The models table's footnotes on fitting and concordance.</summary>
    public static IEnumerable<string> Footnotes<TX>(IReadOnlyList<ModelResult<TX>> models) where TX : notnull
    {
        foreach (var model in models.Where(m => m.IsFirth)) yield return FirthText.ModelFootnote(model.Name);
        foreach (var model in models.Where(m => m.Declaration.Cluster is not null))
        {
            var clusters = model.Cox?.Clusters is { } k ? $" ({Integer(k)} clusters)" : "";
            yield return $"{model.Name}: standard errors, 95% CIs and P values from the robust (sandwich) variance clustered by {Prose.Inline(model.Declaration.Cluster!.Label)}{clusters}, as R's coxph(cluster =).";
        }
        if (models.Any(m => FirthText.AnyBeside(m.Estimates))) yield return FirthText.Footnote;
        var concordance = models.Where(m => m.Concordance?.C is not null).Select(m => $"{m.Name} {Concordance(m.Concordance!)}").ToArray();
        if (concordance.Length > 0)
        {
            yield return $"Concordance (Harrell's C, standard error): {string.Join("; ", concordance)}.";
        }
    }

    /// <summary>"0.671 (0.019)".</summary>
    public static string Concordance(ModelConcordance c) => c.StdErr is { } se ? $"{Fixed(c.C!.Value, 3)} ({Fixed(se, 3)})" : Fixed(c.C!.Value, 3);
}
