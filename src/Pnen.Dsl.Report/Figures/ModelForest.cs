using static Pnen.Formatting.Numbers;

namespace Pnen.Dsl.Report;

/// <summary>The forest plot of one model in one cohort: every term's rows (a spline's basis columns
/// are not effects and are left out; its test is in the table), with each level's n in the cohort.</summary>
internal static class ModelForest
{
    public static string Draw<TX>(CohortResult<TX> cohort, ModelResult<TX> model, ReportOptions options, Disclosure disclosure) where TX : notnull
    {
        string Count(TermResult term, Estimate e)
        {
            var row = cohort.Characteristics.FirstOrDefault(c => c.Id == term.Id && c.Kind == CharacteristicKind.Categorical);
            var level = row?.Levels.FirstOrDefault(l => l.Level == e.Level);
            return level is null ? "" : $"(n = {disclosure.Text(DisclosureBuilder.LevelKey(cohort.Name, row!, level))})";
        }
        var rows = model.Terms.Where(t => t.Form != TermForm.Spline)
            .SelectMany(t => t.Estimates.Select(e => new ForestRow(ModelsTable.TermLabel(t), e.Level ?? "per unit", Count(t, e), e)))
            .ToList();

        var name = cohort.Name;
        var footer = new List<string>
        {
            $"N = {disclosure.Text(CountKey.ModelN(name, model.Id, model.N))}, events = {disclosure.Text(CountKey.ModelEvents(name, model.Id, model.Events))}" +
                (model.Dropped > 0 ? $" ({disclosure.Text(CountKey.ModelDropped(name, model.Id, model.Dropped))} of {disclosure.Text(CountKey.CohortN(name, cohort.N))} left out for a missing value)" : ""),
        };
        if ((model.IsFirth ? model.FirthFit?.LikelihoodRatio : model.Cox?.LikelihoodRatio) is { } lr)
        {
            footer.Add($"Global {(model.IsFirth ? "penalised " : "")}likelihood-ratio test: chi-square = {Fixed(lr.ChiSquare, 2)}, df = {Integer(lr.DegreesOfFreedom)}, P {(lr.PValue < 0.001 ? "< 0.001" : "= " + PValue(lr.PValue))}");
        }
        foreach (var spline in model.Terms.Where(t => t.Form == TermForm.Spline && t.InModel))
        {
            footer.Add($"{spline.Label}: natural spline, {Integer(spline.Declaration.SplineDf)} df; overall P {PText(spline.Test?.P)}, non-linearity P {PText(spline.Nonlinearity?.P)}");
        }
        footer.Add($"Cox proportional hazards model {model.Name}, {model.Ties} ties" + (model.Strata.Count > 0 ? $", stratified by {string.Join(" and ", model.Strata.Select(Prose.Inline))}" : "") +
            string.Concat(ModelCheckText.Fitting(model.Declaration).Select(f => ", " + f)) +
            "; n: patients with the level in the cohort.");
        if (disclosure.Active && (rows.Any(r => r.Count.Contains(Disclosure.Marker, StringComparison.Ordinal)) || footer.Any(l => l.Contains(Disclosure.Marker, StringComparison.Ordinal))))
        {
            footer.Add(disclosure.ShortFootnote);
        }
        return ForestPlot.Draw(rows, footer, $"Forest plot of the model {model.Name}: {cohort.Name}", "Hazard ratio (log scale)", options);
    }

    private static string PText(double? p) => p is { } value ? (value < 0.001 ? "< 0.001" : "= " + PValue(value)) : "not tested";
}
