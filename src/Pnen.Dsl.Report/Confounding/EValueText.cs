using static Pnen.Formatting.Numbers;

namespace Pnen.Dsl.Report;

/// <summary>How the report prints E-values: the estimate's, then the confidence limit's in brackets
/// ("2.24 (1.54)"), taking the hazard ratio as a risk ratio as the cohort's outcome frequency says.</summary>
internal static class EValueText
{
    /// <summary>Whether a cohort's tables show E-values: when the plan addresses confounding (weighting or adjusted curves).</summary>
    public static bool Shown<TX>(CohortResult<TX> cohort) where TX : notnull => cohort.Weighting is not null || cohort.AdjustedCurves is not null;

    public static TableCell Cell<TX>(CohortResult<TX> cohort, Estimate? estimate) where TX : notnull
    {
        if (estimate is null) return TableCell.Empty;
        if (estimate.IsReference) return TableCell.Empty;
        if (estimate.EValue?.For(cohort.EValueOutcome.Common) is not { } e) return Dash;
        return $"{Fixed(e.Point, 2)} ({(e.ConfidenceLimit is { } limit ? Fixed(limit, 2) : Dash)})";
    }

    /// <summary>What an E-value is, once per table.</summary>
    public const string Definition = "E-value: how strongly (risk ratio) an unmeasured confounder would have to be associated with both the exposure and the outcome to explain the hazard ratio away; " +
        "in brackets, the same for the confidence limit nearest 1 (1: the interval includes 1) (VanderWeele & Ding 2017).";

    /// <summary>Which way the cohorts' hazard ratios were taken as risk ratios, from their outcome's frequency.</summary>
    public static string Rule<TX>(IEnumerable<CohortResult<TX>> cohorts) where TX : notnull
    {
        static string Proportion(CohortResult<TX> c) => c.EValueOutcome.EventProportion is { } p ? $"{c.Name} {Fixed(100 * p, 0)}%" : $"{c.Name} no follow-up";
        var groups = cohorts.GroupBy(c => c.EValueOutcome.Common).OrderByDescending(g => g.Key).Select(g => g.Key
            ? $"common ({string.Join(", ", g.Select(Proportion))} with the event by the end of follow-up, Kaplan–Meier): HR converted as RR = (1 − 0.5^√HR)/(1 − 0.5^√(1/HR))"
            : $"rare ({string.Join(", ", g.Select(Proportion))}): HR taken as RR");
        return $"Outcome {string.Join("; ", groups)}; common means above {Fixed(100 * EValueOutcome.CommonAbove, 0)}%.";
    }

    /// <summary>The two footnotes of a table with E-values.</summary>
    public static IEnumerable<string> Footnotes<TX>(IEnumerable<CohortResult<TX>> cohorts) where TX : notnull => [Definition, Rule(cohorts)];
}
