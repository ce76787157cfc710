using static Pnen.Dsl.Report.Numbers;

namespace Pnen.Dsl.Report;

/// <summary>
/// Lays out the report of a study result: methods in words, the flow (Figure 1), the baseline table
/// when the plan has one, survival by exposure (Figure 2, one panel per cohort), a survival table
/// and forest plot per cohort, the analyses within selections, and the notes. Tables and figures are
/// numbered in reading order; supplementary tables are numbered S1, S2, ...
/// </summary>
internal sealed class ReportBuilder<TX> where TX : notnull
{
    private readonly StudyResult<TX> _result;
    private readonly ReportOptions _options;
    private readonly TableText _text;
    private readonly FileNames _names = new();
    private readonly List<ReportFigure> _supplementaryFigures = [];
    private int _table;
    private int _supplementaryTable;
    private int _figure;

    private ReportBuilder(StudyResult<TX> result, ReportOptions options)
    {
        _result = result;
        _options = options;
        _text = new TableText(options);
    }

    public static BuiltReport Build(StudyResult<TX> result, ReportOptions options, string provenance)
    {
        var builder = new ReportBuilder<TX>(result, options);
        var sections = new List<ReportSection>
        {
            builder.Methods(),
            builder.Flow(),
        };
        sections.AddRange(builder.Baseline());
        sections.Add(builder.Survival());
        sections.Add(builder.Analyses());
        if (builder.Within() is { } within) sections.Add(within);
        if (builder.Notes() is { } notes) sections.Add(notes);
        sections.AddRange(options.AdditionalSections);
        var document = new ReportDocument(options.Title ?? result.Name, provenance, sections);
        return new BuiltReport(document, builder._supplementaryFigures);
    }

    private IEnumerable<CohortResult<TX>> Cohorts => new[] { _result.Cohort }.Concat(_result.Subgroups);

    private ReportSection Methods()
    {
        var s = _result.Summary;
        var parts = new List<string>
        {
            $"Outcome: {s.OutcomeLabel}{TableText.InUnit(s)}, with {Prose.Inline(s.EventLabel)} as the event.",
            $"Exposure: {s.ExposureLabel} ({string.Join(", ", s.ExposureLevels)}; reference {s.ExposureReference}).",
        };
        if (s.Characteristics.Count > 0) parts.Add($"Characteristics: {string.Join("; ", s.Characteristics)}.");
        if (s.BaselineTests is { } baseline) parts.Add($"Baseline table tests: {baseline}.");
        if (_result.Cohort.Univariate.Count > 0) parts.Add("Univariate analysis: Kaplan\u2013Meier estimates with the log-rank test.");
        if (s.Screening is { } screening) parts.Add($"Multivariable analysis: Cox proportional hazards model ({s.Ties} ties) with {screening}.");
        if (_result.Subgroups.Count > 0) parts.Add($"Subgroups analysed with the same plan: {string.Join("; ", _result.Subgroups.Select(g => g.Name))}.");
        parts.Add($"P \u2264 {Fixed(_options.SignificanceLevel, 2)} (two-sided) is considered significant.");
        return new ReportSection("Methods", [new ReportParagraph(string.Join(" ", parts))]);
    }

    private ReportSection Flow()
    {
        var flow = _result.Flow;
        var figure = new ReportFigure("flow", $"Figure {++_figure}. Flow of the cohort: {flow.Population} (n = {Integer(flow.Recruited)}), " +
            $"exclusions, the final cohort (n = {Integer(flow.Final)}) by {Prose.Inline(flow.ExposureLabel)}" + (flow.Subgroups.Count > 0 ? ", and the subgroups." : "."), FlowDiagram.Draw(flow));
        var table = FlowTable.Build("flow", $"Table S{++_supplementaryTable}", flow);
        return new ReportSection("Cohort flow", [figure, table]);
    }

    /// <summary>Table 1 (the final cohort's baseline table), then the subgroups' as supplementary tables.</summary>
    private IEnumerable<ReportSection> Baseline()
    {
        var blocks = new List<ReportBlock>();
        foreach (var cohort in Cohorts)
        {
            if (cohort.BaselineTable is not { } table) continue;
            var number = ReferenceEquals(cohort, _result.Cohort) ? $"Table {++_table}" : $"Table S{++_supplementaryTable}";
            blocks.Add(BaselineReportTable.Build(_names.Unique("baseline-", cohort.Name), number, cohort.Name, table, _text));
        }
        if (blocks.Count > 0) yield return new ReportSection("Baseline characteristics", blocks);
    }

    private ReportSection Survival()
    {
        var s = _result.Summary;
        var blocks = new List<ReportBlock>();
        foreach (var cohort in Cohorts) blocks.Add(new ReportParagraph(CohortSentence(cohort)));

        var axis = TimeAxis.For(Cohorts.SelectMany(c => c.Overall.Steps).Select(step => step.Time).DefaultIfEmpty(0).Max(), s.TimeUnit, _options.TimeBreak);
        var cohorts = Cohorts.ToArray();
        var panels = cohorts.Length == 1 ? "" : " " + string.Join(" ", cohorts.Select((c, i) => $"{(char)('A' + i)}, {c.Name}."));
        blocks.Add(new ReportFigure("km", $"Figure {++_figure}. Kaplan\u2013Meier curves of {Prose.Inline(s.OutcomeLabel)} by {Prose.Inline(s.ExposureLabel)}.{panels} " +
            "Crosses mark censored times; numbers at risk under the time axis.", KaplanMeierFigure.Panels(cohorts, s, axis)));
        if (cohorts.Length > 1)
        {
            foreach (var cohort in cohorts)
            {
                _supplementaryFigures.Add(new ReportFigure(_names.Unique("km-", cohort.Name),
                    $"Kaplan\u2013Meier curves of {Prose.Inline(s.OutcomeLabel)} by {Prose.Inline(s.ExposureLabel)}: {cohort.Name}.", KaplanMeierFigure.Single(cohort, s, axis)));
            }
        }
        blocks.Add(ExposureSurvivalTable.Build("survival-by-exposure", $"Table S{++_supplementaryTable}", cohorts, s, _text));
        return new ReportSection($"{s.OutcomeLabel} by {Prose.Inline(s.ExposureLabel)}", blocks);
    }

    private string CohortSentence(CohortResult<TX> cohort)
    {
        var s = _result.Summary;
        var unit = s.TimeUnit is { Length: > 0 } u ? " " + u : "";
        var arms = string.Join(", ", cohort.ExposureCurves.Where(c => c.N > 0).Select(c => $"{c.Level} {_text.Time(c.Median.Time)}"));
        var p = cohort.ExposureLogRank.PValue is { } value ? (value < 0.001 ? "log-rank P < 0.001" : $"log-rank P = {PValue(value)}") : "log-rank test not possible";
        var followUp = cohort.MedianFollowUp is { } f ? $"median follow-up {_text.Time(f)}{unit}" : "median follow-up not reached (too few censored)";
        return $"{cohort.Name}: {Integer(cohort.N)} patients, {Integer(cohort.Events)} events, {followUp}. " +
            $"Median {Prose.Inline(s.OutcomeLabel)} {_text.Time(cohort.Overall.Median.Time)}{unit}; by {Prose.Inline(s.ExposureLabel)}: {arms} ({p}).";
    }

    private ReportSection Analyses()
    {
        var blocks = new List<ReportBlock>();
        foreach (var cohort in Cohorts)
        {
            var name = _names.Unique("survival-", cohort.Name);
            blocks.Add(SurvivalTable.Build(name, $"Table {++_table}", cohort, _result.Summary, _text));
            if (cohort.MultivariableOrNull is { Estimates.Count: > 0 } model)
            {
                blocks.Add(new ReportFigure(_names.Unique("forest-", cohort.Name),
                    $"Figure {++_figure}. Adjusted hazard ratios (95% CI) of the multivariable Cox model: {cohort.Name}.", ForestPlot.Draw(cohort, model, _options)));
            }
        }
        return new ReportSection("Univariate and multivariable analyses", blocks);
    }

    private ReportSection? Within()
    {
        var blocks = new List<ReportBlock>();
        foreach (var cohort in Cohorts)
        {
            foreach (var within in cohort.Within)
            {
                blocks.Add(WithinTable.Build(_names.Unique("within-", cohort.Name + " " + within.Name), $"Table S{++_supplementaryTable}", cohort, within, _result.Summary, _text));
            }
        }
        return blocks.Count == 0 ? null : new ReportSection("Analyses within selections", blocks);
    }

    private ReportSection? Notes()
    {
        var notes = new List<string>();
        foreach (var cohort in Cohorts)
        {
            notes.AddRange(cohort.Notes.Select(n => Prose.Sentence($"{cohort.Name}: {n}")));
            notes.AddRange(cohort.ExposureLogRank.Warnings.Select(w => Prose.Sentence($"{cohort.Name}, log-rank test of {Prose.Inline(cohort.ExposureLabel)}: {w}")));
        }
        return notes.Count == 0 ? null : new ReportSection("Notes", [new ReportNotes(notes)]);
    }
}
