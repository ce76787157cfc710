using System.Globalization;
using static Pnen.Formatting.Numbers;

namespace Pnen.Dsl.Report;

/// <summary>
/// The models of a cohort side by side, as gtsummary's tbl_merge of a crude and an adjusted model: a row
/// per term and level (the union of the models' terms, in order), and per model its hazard ratio
/// (95% CI) and P; "Ref" on reference levels, a dash where a model does not hold the term. Splines and
/// interactions get their likelihood-ratio tests in the P column of their heading row; footnotes say
/// what each model is, in words.
/// </summary>
internal static class ModelsTable
{
    public static ReportTable Build<TX>(string fileName, string number, CohortResult<TX> cohort, StudySummary summary, TableText text)
        where TX : notnull
    {
        var models = cohort.Models;
        var evalues = EValueText.Shown(cohort);
        var columns = models.SelectMany(m => new[]
        {
            new TableColumn("HR (95% CI)", m.Name, $"{m.Name}: HR (95% CI)"),
            new TableColumn("P", m.Name, $"{m.Name}: P"),
        }.Concat(evalues ? [new TableColumn("E-value", m.Name, $"{m.Name}: E-value")] : [])).ToList();
        // With E-values (a plan against confounding) every model has a third column.
        TableCell[] Cells(TableCell hr, TableCell p, TableCell e) => evalues ? [hr, p, e] : [hr, p];

        // The union of the terms, each once, in the order the models first hold them.
        var terms = new List<TermResult>();
        foreach (var term in models.SelectMany(m => m.Terms))
        {
            if (!terms.Any(t => t.Id == term.Id && t.Form == term.Form)) terms.Add(term);
        }

        var rows = new List<TableRow>();
        foreach (var term in terms)
        {
            var inModels = models.Select(m => m.Terms.FirstOrDefault(t => t.Id == term.Id && t.Form == term.Form)).ToArray();
            var heading = new List<TableCell>();
            foreach (var held in inModels)
            {
                if (held is null) heading.AddRange(Cells(Dash, Dash, Dash));
                else if (term.Form == TermForm.Linear && held.Estimates.Count == 1) heading.AddRange(Cells(text.Estimate(held.Estimates[0]), text.EstimateP(held.Estimates[0]), EValueText.Cell(cohort, held.Estimates[0])));
                else if (held.Test is { } test) heading.AddRange(Cells(TableCell.Empty, text.P(test.P), TableCell.Empty));
                else heading.AddRange(Cells(TableCell.Empty, TableCell.Empty, TableCell.Empty));
            }
            rows.Add(new TableRow(TableRowKind.Heading, TermLabel(term), null, heading));
            if (term.Form is TermForm.Linear or TermForm.Spline) continue;

            var levels = term.Estimates.Select(e => e.Level).ToList();
            foreach (var level in levels)
            {
                var cells = new List<TableCell>();
                foreach (var held in inModels)
                {
                    var estimate = held?.Estimates.FirstOrDefault(e => e.Level == level);
                    cells.AddRange(estimate is null ? Cells(TableCell.Empty, TableCell.Empty, TableCell.Empty) : Cells(text.Estimate(estimate), text.EstimateP(estimate), EValueText.Cell(cohort, estimate)));
                }
                rows.Add(new TableRow(TableRowKind.Level, level ?? "per unit", TermLabel(term), cells));
            }
        }

        var footnotes = new List<string>();
        foreach (var model in models) footnotes.Add(Describe(cohort.Name, model, summary, text));
        footnotes.Add("HR: hazard ratio of the level against the reference (Ref), or per the units shown for a number; P: Wald test. " +
            $"A spline's or an interaction's P is the likelihood-ratio test of its terms together. {Dash}: not in the model.");
        footnotes.AddRange(ModelCheckText.Footnotes(models));
        if (evalues) footnotes.AddRange(EValueText.Footnotes([cohort]));
        footnotes.AddRange(models.SelectMany(m => m.Notes).Select(n => NoteText.Render(cohort.Name, n, text.Disclosure)).Distinct());
        footnotes.Add(text.SignificanceFootnote);

        var title = $"{number}. Cox models of {Prose.Inline(summary.OutcomeLabel)}: {cohort.Name}";
        return new ReportTable(fileName, title, "Term", columns, rows, text.WithDisclosure(footnotes, title, rows));
    }

    /// <summary>A term as a row heading: "Age, y (per 10)", "Karnofsky score (spline, 3 df)", "Treatment × Sex".</summary>
    public static string TermLabel(TermResult term) => term.Form switch
    {
        TermForm.Linear when term.Declaration.PerUnit != 1 => $"{term.Label} (per {term.Declaration.PerUnit.ToString(CultureInfo.InvariantCulture)})",
        TermForm.Spline => $"{term.Label} (natural spline, {Integer(term.Declaration.SplineDf)} df)",
        _ => term.Label,
    };

    /// <summary>The model in words: what it adjusts for, how, on how many.</summary>
    public static string Describe<TX>(string cohort, ModelResult<TX> model, StudySummary summary, TableText text) where TX : notnull
    {
        var declaration = model.Declaration;
        var adjusted = model.Terms.Skip(1).Where(t => t.Form != TermForm.Interaction).Select(t => Prose.Inline(TermLabel(t))).ToArray();
        var what = declaration.Screen is { } screen
            ? $"{Prose.Inline(summary.ExposureLabel)} and the characteristics with {screen} ({(adjusted.Length == 0 ? "none here" : string.Join(", ", adjusted))})"
            : adjusted.Length == 0 ? $"{Prose.Inline(summary.ExposureLabel)} alone (crude)" : $"{Prose.Inline(summary.ExposureLabel)} adjusted for {string.Join(", ", adjusted)}";
        var interactions = model.Terms.Where(t => t.Form == TermForm.Interaction).Select(t => Prose.Inline(t.Label)).ToArray();
        var parts = new List<string> { $"{model.Name}: Cox proportional hazards model of {what}" };
        if (interactions.Length > 0) parts.Add($"with the interaction{(interactions.Length > 1 ? "s" : "")} {string.Join(", ", interactions)}");
        parts.Add($"{model.Ties} ties");
        if (model.Strata.Count > 0) parts.Add($"stratified by {string.Join(" and ", model.Strata.Select(Prose.Inline))}");
        parts.AddRange(ModelCheckText.Fitting(declaration));
        var counts = $"{text.Count(CountKey.ModelN(cohort, model.Id, model.N))} patients and {text.Count(CountKey.ModelEvents(cohort, model.Id, model.Events))} events";
        return $"{string.Join(", ", parts)}; {counts}.";
    }
}
