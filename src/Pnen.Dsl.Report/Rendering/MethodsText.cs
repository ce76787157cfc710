using System.Globalization;
using Pnen.Stats.Baseline;
using static Pnen.Formatting.Numbers;

namespace Pnen.Dsl.Report;

/// <summary>
/// The Methods section in words, from the plan's declaration: outcome, exposure, strata, the baseline
/// table's tests, the univariate analysis, each model (what it adjusts for and how: per k units,
/// splines, interactions, strata, screening), survival at fixed times, restricted means, subgroups
/// and their interaction tests. Never an enum's name: every choice is said as a methods section says it.
/// </summary>
internal static class MethodsText
{
    /// <summary>The section's paragraphs: the variables, the baseline table, the univariate analysis, the
    /// models, the absolute effects, the subgroups, and how P values are read.</summary>
    public static IReadOnlyList<string> Write<TX>(StudyResult<TX> result, ReportOptions options, Disclosure disclosure) where TX : notnull
    {
        var plan = result.Declaration;
        var s = StudySummary.Of(plan);
        var unit = s.TimeUnit is { Length: > 0 } u ? " " + u : "";
        var parts = new List<string>
        {
            $"Outcome: {s.OutcomeLabel}{TableText.InUnit(s)}, with {Prose.Inline(s.EventLabel)} as the event.",
            $"Exposure: {s.ExposureLabel} ({string.Join(", ", s.ExposureLevels)}; reference {s.ExposureReference}).",
        };
        parts.AddRange(DesignText.Sentences(plan));
        if (plan.Characteristics.Count > 0) parts.Add($"Characteristics: {string.Join("; ", plan.Characteristics.Select(Characteristic))}.");
        if (plan.Strata.Count > 0)
        {
            parts.Add($"Log-rank tests and Cox models are stratified by {And(plan.Strata.Select(v => Prose.Inline(v.Label)))} (a separate baseline hazard for each stratum); Kaplan\u2013Meier curves are not.");
        }
        var paragraphs = new List<string> { string.Join(" ", parts) };
        if (plan.Baseline is { } baseline) paragraphs.Add(Baseline(baseline, plan));
        if (plan.Univariate)
        {
            paragraphs.Add("Univariate analysis: Kaplan\u2013Meier estimates with the log-rank test, and the hazard ratio of a Cox model of each characteristic alone (Efron ties); a continuous characteristic is tested by the Wald test of that model.");
        }
        paragraphs.AddRange(plan.Models.Select(m => Model(m, s)));
        if (ModelCheckText.Methods(plan) is { } checks) paragraphs.Add(checks);
        var absolute = new List<string>();
        if (plan.SurvivalTimes.Count > 0) absolute.Add($"Kaplan\u2013Meier survival with 95% confidence intervals at {And(plan.SurvivalTimes.Select(Time))}{unit}.");
        if (plan.RestrictedMeanTau is { } tau)
        {
            absolute.Add($"Restricted mean survival time to {Time(tau)}{unit} per level, and each level's difference from {s.ExposureReference} with a normal 95% CI and z test.");
        }
        if (absolute.Count > 0) paragraphs.Add(string.Join(" ", absolute));
        if (plan.ExposureStart is { } start) paragraphs.Add(ImmortalTime(plan, start, s, unit));
        paragraphs.AddRange(ConfoundingMethods.Write(plan, s));
        if (plan.Subgroups.Count > 0)
        {
            paragraphs.Add($"Subgroups analysed with the same plan: {string.Join("; ", plan.Subgroups.Select(g => g.Name))}. " +
                "For each, the P for interaction is the likelihood-ratio test of exposure × membership in a Cox model of the exposure and membership among the records eligible for it.");
        }
        paragraphs.Add($"P \u2264 {Fixed(options.SignificanceLevel, 2)} (two-sided) is considered significant." + (disclosure.Active ? " " + disclosure.Methods : ""));
        return paragraphs;
    }

    private static string ImmortalTime(PlanDeclaration plan, ExposureStartDeclaration start, StudySummary s, string unit)
    {
        var exposure = Prose.Inline(s.ExposureLabel);
        var main = start.TimeDependentMain
            ? $"{s.ExposureLabel} begins during follow-up ({Prose.Inline(start.StartsAt)}), so it is analysed as time-dependent: each patient counts in {s.ExposureReference} until it begins and in their own level from then on (Simon\u2013Makuch curves, the Mantel-Byar test, Cox models on the (start, stop] intervals). "
            : $"{s.ExposureLabel} begins during follow-up ({Prose.Inline(start.StartsAt)}); the main analyses class patients by it from time 0, as a naive analysis does. ";
        var landmarks = plan.Landmarks.Count == 0 ? "" :
            $" and landmark analyses at {And(plan.Landmarks.Select(Time))}{unit} (the patients still followed at the landmark, classed by their exposure then, followed from it)";
        return main + $"To show the immortal time this can credit to {exposure}, every model is also fitted with the exposure as if it held from time 0 (naive), as time-dependent{landmarks}.";
    }

    private static string Characteristic(VariableDeclaration v) => v.Derivation switch
    {
        CutDerivation cut => $"{v.Label} ({cut.Split})",
        { } d => $"{v.Label} ({d.Describe()})",
        null => v.Label,
    };

    private static string Baseline(BaselineDeclaration b, PlanDeclaration plan)
    {
        var categorical = b.Categorical switch
        {
            CategoricalTestChoice.ChiSquare => "Pearson's chi-square test without continuity correction",
            CategoricalTestChoice.Fisher => "Fisher's exact test",
            _ => "Pearson's chi-square test, or Fisher's exact test when an expected count is below 5",
        };
        var continuous = b.Continuous switch
        {
            ContinuousTestChoice.Anova => "one-way ANOVA",
            ContinuousTestChoice.Welch => "Welch's ANOVA",
            ContinuousTestChoice.Kruskal => "the Kruskal\u2013Wallis test",
            _ => "one-way ANOVA when the Shapiro\u2013Wilk test does not reject normality, else the Kruskal\u2013Wallis test (Wilcoxon rank-sum for two groups)",
        };
        var tests = b.PValues ? $" Categorical characteristics were compared with {categorical}; continuous ones with {continuous}." : DesignText.NoTests(plan);
        var smd = b.StandardisedDifferences ? " Standardised mean differences are shown." : "";
        return $"Baseline characteristics by {Prose.Inline(b.By)}.{tests}{smd}";
    }

    private static string Model(ModelDeclaration m, StudySummary s)
    {
        var exposure = Prose.Inline(s.ExposureLabel);
        var terms = m.Terms.Skip(1).Where(t => t.Form != TermForm.Interaction).Select(Term).ToArray();
        var interactions = m.Terms.Where(t => t.Form == TermForm.Interaction).Select(t => Prose.Inline(t.Label)).ToArray();
        var what = m.Screen is { } screen
            ? $"{exposure} adjusted for the characteristics with {screen} (screened on the univariate analysis)"
            : terms.Length == 0 ? $"{exposure} alone (crude)" : $"{exposure} adjusted for {And(terms)}";
        var text = $"Model \u201c{m.Name}\u201d: Cox proportional hazards model of {what}";
        if (interactions.Length > 0) text += $", with the interaction{(interactions.Length > 1 ? "s" : "")} {And(interactions)} tested by the likelihood-ratio test of its product terms";
        if (m.Strata.Count > 0) text += $", stratified by {And(m.Strata.Select(v => Prose.Inline(v.Label)))}";
        text += ModelCheckText.MethodsOf(m);
        return text + $", {(m.Ties == Stats.Survival.Cox.CoxTies.Efron ? "Efron" : "Breslow")} ties; records missing a value of the model are left out (complete cases).";
    }

    private static string Term(TermDeclaration t) => t.Form switch
    {
        TermForm.Linear when t.PerUnit != 1 => $"{Prose.Inline(t.Label)} (linear, per {t.PerUnit.ToString(CultureInfo.InvariantCulture)})",
        TermForm.Linear => $"{Prose.Inline(t.Label)} (linear)",
        TermForm.Spline => $"{Prose.Inline(t.Label)} (natural cubic spline, {Integer(t.SplineDf)} df, knots at quantiles as R's ns; non-linearity tested by likelihood ratio)",
        _ => $"{Prose.Inline(t.Label)} (reference {t.Variable?.Reference})",
    };

    internal static string Time(double t) => t.ToString("0.##", CultureInfo.InvariantCulture);

    internal static string And(IEnumerable<string> items)
    {
        var list = items.ToArray();
        return list.Length switch
        {
            0 => "",
            1 => list[0],
            2 => $"{list[0]} and {list[1]}",
            _ => string.Join(", ", list[..^1]) + ", and " + list[^1],
        };
    }
}
