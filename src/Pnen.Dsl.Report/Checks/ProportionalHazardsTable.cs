using static Pnen.Formatting.Numbers;

namespace Pnen.Dsl.Report;

/// <summary>
/// The proportional hazards tests of a cohort's models, as R's <c>print(cox.zph(fit))</c> gives them:
/// per model a row per term (its chi-square, df and P; a categorical term's levels, a spline's and an
/// interaction's columns together) and the global test. A P below 0.05 is flagged (bold and †), and a
/// footnote names the terms and the remedies: stratify by the variable, or model its effect as a
/// function of time.
/// </summary>
internal static class ProportionalHazardsTable
{
    /// <summary>The threshold of the flag, fixed as in R's and the issue's convention (not the report's significance level).</summary>
    public const double Flag = 0.05;

    public const string Mark = "\u2020";

    /// <param name="figures">Where the residual plots are, with its verb ("Figure 4 shows"), or null.</param>
    public static ReportTable? Build<TX>(string fileName, string number, CohortResult<TX> cohort, string? figures) where TX : notnull
    {
        var models = cohort.Models.Where(m => m.ProportionalHazards is not null).ToArray();
        if (models.Length == 0) return null;
        var columns = new List<TableColumn> { new("Chi-square"), new("df"), new("P") };
        var rows = new List<TableRow>();
        var flagged = new List<(string Term, string Model)>();
        foreach (var model in models)
        {
            var ph = model.ProportionalHazards!;
            rows.Add(new TableRow(TableRowKind.Heading, model.Name, null, [TableCell.Empty, TableCell.Empty, TableCell.Empty]));
            foreach (var term in ph.Terms)
            {
                var label = model.Terms.FirstOrDefault(t => t.Id == term.Id) is { } declared ? ModelsTable.TermLabel(declared) : term.Label;
                rows.Add(new TableRow(TableRowKind.Level, label, model.Name, Cells(term.Test)));
                if (term.Test.P < Flag) flagged.Add((Prose.Inline(label), model.Name));
            }
            rows.Add(new TableRow(TableRowKind.Level, "Global", model.Name, ph.Global is { } global ? Cells(global) : [Dash, Dash, Dash]));
        }

        var footnotes = new List<string>
        {
            "Score test that the term's coefficient does not change with time (R survival's cox.zph, time on the Kaplan\u2013Meier scale; " +
            "a categorical term's levels, a spline's and an interaction's columns are tested together; within the model's strata). Global: all terms at once." +
            (figures is null ? "" : $" {figures} the scaled Schoenfeld residuals."),
        };
        if (flagged.Count > 0)
        {
            // Each term once, with the models where it is flagged: "differentiation (Adjusted, Nodes as a spline)".
            var terms = flagged.GroupBy(f => f.Term).Select(g => $"{g.Key} ({string.Join(", ", g.Select(f => f.Model))})").ToArray();
            footnotes.Add($"{Mark} P < {Fixed(Flag, 2)}: the hazard ratio of {And(terms)} may change over follow-up (the hazards are not proportional). " +
                "Remedies: stratify by the variable (a baseline hazard per level, .Stratify(...) in the model) when its own effect is not needed, " +
                "or model its effect as a function of time (a time interaction, or separate hazard ratios for periods of follow-up).");
        }
        foreach (var model in models.Where(m => m.ProportionalHazards!.OfOrdinaryFit))
        {
            footnotes.Add($"{model.Name}: the test is of the ordinary Cox fit of the same terms (Breslow ties); cox.zph tests a partial-likelihood fit, not Firth's.");
        }
        foreach (var model in models.Where(m => m.Cox?.Terms.Any(t => t.PossiblyInfinite) == true))
        {
            footnotes.Add($"{model.Name}: a coefficient may be infinite, so its test is taken where the iterations stopped.");
        }
        var title = $"{number}. Proportional hazards tests of the Cox models: {cohort.Name}";
        return new ReportTable(fileName, title, "Model and term", columns, rows, footnotes);
    }

    private static TableCell[] Cells(TestResult test) =>
    [
        test.ChiSquare is { } chi ? Fixed(chi, 2) : Dash,
        Integer(test.Df),
        test.P is { } p ? new TableCell(PValue(p) + (p < Flag ? " " + Mark : ""), p < Flag) : Dash,
    ];

    private static string And(IReadOnlyList<string> items) =>
        items.Count switch
        {
            1 => items[0],
            2 => $"{items[0]} and {items[1]}",
            _ => string.Join(", ", items.Take(items.Count - 1)) + ", and " + items[^1],
        };
}
