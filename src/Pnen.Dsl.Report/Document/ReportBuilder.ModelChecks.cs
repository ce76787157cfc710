namespace Pnen.Dsl.Report;

internal sealed partial class ReportBuilder<TX>
{
    /// <summary>
    /// A cohort's model checks: the proportional hazards table of its models, then (final cohort) a
    /// figure per model with a panel per term; a subgroup's table is a supplementary table and its
    /// panels are supplementary figure files.
    /// </summary>
    private IEnumerable<ReportBlock> ModelChecks(CohortResult<TX> cohort)
    {
        var models = cohort.Models.Where(m => m.ProportionalHazards is { Terms.Count: > 0 }).ToArray();
        if (models.Length == 0) yield break;
        var final = ReferenceEquals(cohort, _result.Cohort);
        var figures = new List<ReportFigure>();
        foreach (var model in models)
        {
            var caption = $"Scaled Schoenfeld residuals against time (Kaplan\u2013Meier scale) of the model {model.Name}, one panel per term, " +
                $"with a smooth and its band (\u00b12 standard errors; R's plot.cox.zph): {cohort.Name}." + ZphFigure.DisclosureCaption(Disclosure);
            figures.Add(new ReportFigure(_names.Unique("zph-", cohort.Name + " " + model.Name), final ? $"Figure {_figure + figures.Count + 1}. {caption}" : caption,
                ZphFigure.Draw(cohort, model, _summary.TimeUnit, Disclosure)));
        }
        var first = _figure + 1;
        var shown = final
            ? figures.Count == 1 ? $"Figure {first} shows" : $"Figures {first}\u2013{first + figures.Count - 1} show"
            : figures.Count == 1 ? $"The supplementary figure figures/{figures[0].FileName}.svg shows"
            : $"The supplementary figures {string.Join(", ", figures.Select(f => $"figures/{f.FileName}.svg"))} show";
        // The final cohort's table is a main table; a subgroup's, as its figures, supplementary.
        var number = final ? $"Table {++_table}" : $"Table S{++_supplementaryTable}";
        if (ProportionalHazardsTable.Build(_names.Unique("proportional-hazards-", cohort.Name), number, cohort, shown) is { } table) yield return table;
        if (final)
        {
            _figure += figures.Count;
            foreach (var figure in figures) yield return figure;
        }
        else
        {
            _supplementaryFigures.AddRange(figures);
        }
    }
}
