using static Pnen.Formatting.Numbers;

namespace Pnen.Dsl.Report;

/// <summary>
/// The subgroup forest: per cohort (the final cohort, then each subgroup) the crude hazard ratio of
/// each exposure level against the reference, with the subgroup's P for interaction of the exposure
/// with membership beside it: the test to read, rather than the subgroups' own P values.
/// </summary>
internal static class SubgroupForest
{
    /// <summary>The crude estimates of a cohort: the plan's first model without covariates, else the
    /// exposure's univariable Cox model; null when the plan has neither.</summary>
    public static IReadOnlyList<Estimate>? Crude<TX>(CohortResult<TX> cohort) where TX : notnull
    {
        if (cohort.Models.FirstOrDefault(m => m.Terms.Count == 1 && m.Declaration.Screen is null) is { } crude) return crude.Exposure.Estimates;
        return cohort.Characteristics.FirstOrDefault(c => c.IsExposure)?.HazardRatios is { Count: > 0 } univariable ? univariable : null;
    }

    public static string Draw<TX>(IReadOnlyList<CohortResult<TX>> cohorts, StudySummary summary, bool stratified, ReportOptions options, Disclosure disclosure) where TX : notnull
    {
        var rows = new List<ForestRow>();
        foreach (var cohort in cohorts)
        {
            var estimates = Crude(cohort)!;
            var interaction = cohort.Interaction is { } i ? (i.P is { } p ? PValue(p) : "not tested") : null;
            foreach (var e in estimates.Where(e => !e.IsReference))
            {
                var curve = cohort.ExposureCurves.FirstOrDefault(c => c.Level == e.Level);
                var count = curve is null ? "" : $"(n = {disclosure.Text(CountKey.Arm(cohort.Name, curve.Level, curve.N))})";
                rows.Add(new ForestRow(cohort.Name, $"{e.Level} vs {summary.ExposureReference}", count, e, interaction));
            }
        }
        var footer = new List<string>
        {
            $"Crude hazard ratios of {Prose.Inline(summary.ExposureLabel)} in each cohort (Cox model of the exposure alone{(stratified ? ", stratified as the plan is" : "")}).",
            "P for interaction: likelihood-ratio test of exposure × membership among the records eligible for the subgroup.",
        };
        if (disclosure.Active && rows.Any(r => r.Count.Contains(Disclosure.Marker, StringComparison.Ordinal))) footer.Add(disclosure.ShortFootnote);
        return ForestPlot.Draw(rows, footer, $"Subgroup forest plot of {Prose.Inline(summary.ExposureLabel)}", "Crude hazard ratio (log scale)", options, "P for interaction");
    }
}
