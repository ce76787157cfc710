using System.Globalization;
using Pnen.Stats.Weighting;
using static Pnen.Dsl.Report.MethodsText;
using static Pnen.Formatting.Numbers;

namespace Pnen.Dsl.Report;

/// <summary>
/// The Methods paragraphs of the analyses against confounding by indication, from the plan's declaration:
/// the propensity model, the estimand defined in words, how the weights are made, balance, the weighted
/// analyses (and what stands in for a weighted log-rank test), the adjusted curves, and the E-values' rule.
/// </summary>
internal static class ConfoundingMethods
{
    public static IEnumerable<string> Write(PlanDeclaration plan, StudySummary s)
    {
        var unit = s.TimeUnit is { Length: > 0 } u ? " " + u : "";
        var exposure = Prose.Inline(s.ExposureLabel);
        if (plan.Weighting is { } w)
        {
            var covariates = List(w.Covariates);
            var model = s.ExposureLevels.Count == 2
                ? "a logistic regression model"
                : $"a multinomial logistic regression model (one equation per level against {s.ExposureReference})";
            var weights = new List<string>();
            if (w.Stabilized) weights.Add("stabilised (multiplied by the proportion of the cohort that received the patient's level)");
            if (w.TruncateLower is { } lower && w.TruncateUpper is { } upper)
            {
                weights.Add($"truncated at their {Percentile(lower)} and {Percentile(upper)} percentiles (R's type-7 quantiles{(w.Estimand == Estimand.Att ? ", of the weights other than the focal patients'" : "")})");
            }
            var strata = plan.Strata.Count > 0 ? $", stratified by {And(plan.Strata.Select(v => Prose.Inline(v.Label)))}" : "";
            yield return $"Confounding by indication: in each cohort, the propensity score of each level of {exposure} was estimated by {model} of {covariates}, " +
                $"on the records complete in these variables. {Definition(w, s)}" +
                (weights.Count > 0 ? $" The weights were {And(weights)}." : "") +
                " Balance: the standardised difference of every covariate and level before and after weighting (the difference in weighted means or proportions over the pooled standard deviation of the unweighted arms, as cobalt computes it; |SMD| > 0.1 marks imbalance, Austin 2009), and the effective sample size of each arm, (\u03a3w)\u00b2/\u03a3w\u00b2 (Kish). " +
                $"Weighted analyses: Kaplan\u2013Meier curves with the weights, and a Cox model of {exposure} with the weights and the robust (sandwich) variance (R's coxph(weights =, robust = TRUE), Efron ties{strata}). " +
                "The log-rank test takes no weights, so the weighted curves are compared by the robust score test of that model (Austin, Stat Med 2016;35:5642).";
        }
        if (plan.AdjustedCurves is { } c)
        {
            var source = c.ModelName is { } name
                ? $"the model \u201c{name}\u201d ({(c.Covariates.Count == 0 ? "its covariates in each cohort" : List(c.Covariates))})"
                : $"a Cox model of {exposure} and {List(c.Covariates)}";
            var strata = plan.Strata.Count > 0 ? $"; {And(plan.Strata.Select(v => Prose.Inline(v.Label)))} enter{(plan.Strata.Count == 1 ? "s" : "")} as covariates, since a standardised curve needs one baseline hazard" : "";
            var effects = new List<string>();
            if (c.Times.Count > 0) effects.Add($"standardised survival at {And(c.Times.Select(Time))}{unit}");
            if (c.Tau is { } tau) effects.Add($"the standardised restricted mean survival time to {Time(tau)}{unit}");
            var intervals = c.Bootstrap > 0
                ? $", with 95% percentile intervals from {Integer(c.Bootstrap)} bootstrap resamples of the patients, the model refitted on each (seed {c.Seed?.ToString(CultureInfo.InvariantCulture)}, drawn as R's set.seed and sample)"
                : " (no bootstrap: no intervals)";
            yield return $"Adjusted survival curves by direct standardisation (the g-formula): from {source}{strata} ({(c.Ties == Stats.Survival.Cox.CoxTies.Efron ? "Efron" : "Breslow")} ties), " +
                $"each level's curve is the mean of every analysed patient's predicted curve with {exposure} set to that level, as R's rowMeans(survfit(fit, newdata)$surv). " +
                $"Absolute effects: {And(effects)}, and each level's difference from {s.ExposureReference}{intervals}.";
        }
        if (plan.Weighting is not null || plan.AdjustedCurves is not null)
        {
            yield return "E-values (VanderWeele & Ding, Ann Intern Med 2017;167:268) accompany the hazard ratios: the minimum strength of association, on the risk-ratio scale, that an unmeasured confounder would need with both the exposure and the outcome to explain away the estimate, and the same for the confidence limit nearest 1 (1 when the interval includes 1). " +
                $"A hazard ratio is taken as a risk ratio when the outcome is rare (at most {Fixed(100 * EValueOutcome.CommonAbove, 0)}% of a cohort with the event by the end of follow-up, Kaplan\u2013Meier) and converted as RR = (1 \u2212 0.5^\u221aHR)/(1 \u2212 0.5^\u221a(1/HR)) when it is common (VanderWeele, Biometrics 2020).";
        }
    }

    /// <summary>The estimand in words, with its weights.</summary>
    public static string Definition(WeightingDeclaration w, StudySummary s) => w.Estimand == Estimand.Ate
        ? "Estimand: the average treatment effect (ATE), the effect in the whole analysed cohort had every patient received each level; each patient is weighted by 1 / P(level received | covariates)."
        : $"Estimand: the average treatment effect in the treated (ATT), the effect in the patients who received {w.Focal}, had they received each other level; they are weighted by 1 and every other patient by P({w.Focal} | covariates) / P(level received | covariates).";

    /// <summary>"1st", "99th", "2.5th".</summary>
    private static string Percentile(double q)
    {
        var percent = 100 * q;
        var text = percent.ToString("0.##", CultureInfo.InvariantCulture);
        if (Math.Abs(percent - Math.Round(percent)) > 1e-9) return text + "th";
        var n = (int)Math.Round(percent);
        return text + (n % 100 is 11 or 12 or 13 ? "th" : (n % 10) switch { 1 => "st", 2 => "nd", 3 => "rd", _ => "th" });
    }

    /// <summary>Variables in a sentence, separated by semicolons (a label may hold a comma: "Age, y").</summary>
    private static string List(IEnumerable<VariableDeclaration> variables) => string.Join("; ", variables.Select(v => Prose.Inline(v.Label)));

}
