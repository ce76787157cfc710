using static Pnen.Formatting.Numbers;

namespace Pnen.Dsl.Report;

/// <summary>
/// Lays out the report of a study result from its public results only: methods in words, the flow
/// (Figure 1), the baseline table when the plan has one, survival by exposure (Figure 2, one panel per
/// cohort) with survival at fixed times and restricted means, the univariate table and the models side
/// by side with a forest plot per model, the subgroup forest with its P for interaction, the analyses
/// within selections, and the notes. Tables and figures are numbered in reading order; supplementary
/// tables are numbered S1, S2, ...
/// </summary>
internal sealed partial class ReportBuilder<TX> where TX : notnull
{
    private readonly StudyResult<TX> _result;
    private readonly StudySummary _summary;
    private readonly ReportOptions _options;
    private readonly TableText _text;
    private readonly FileNames _names = new();
    private readonly List<ReportFigure> _supplementaryFigures = [];
    private int _table;
    private int _supplementaryTable;
    private int _figure;

    private ReportBuilder(StudyResult<TX> result, ReportOptions options, Disclosure disclosure)
    {
        _result = result;
        _summary = StudySummary.Of(result.Declaration);
        _options = options;
        _text = new TableText(options, disclosure, _summary.TimeUnit);
    }

    private Disclosure Disclosure => _text.Disclosure;

    public static BuiltReport Build(StudyResult<TX> result, ReportOptions options, Disclosure disclosure, string provenance)
    {
        var builder = new ReportBuilder<TX>(result, options, disclosure);
        var sections = new List<ReportSection>
        {
            builder.Methods(),
            builder.Flow(),
        };
        sections.AddRange(builder.Baseline());
        sections.Add(builder.Survival());
        if (builder.Analyses() is { } analyses) sections.Add(analyses);
        if (builder.Confounding() is { } confounding) sections.Add(confounding);
        if (builder.Subgroups() is { } subgroups) sections.Add(subgroups);
        if (builder.ImmortalTime() is { } immortal) sections.Add(immortal);
        if (builder.Within() is { } within) sections.Add(within);
        if (builder.Notes() is { } notes) sections.Add(notes);
        sections.AddRange(options.AdditionalSections);
        var document = new ReportDocument(options.Title ?? result.Name, provenance, sections);
        return new BuiltReport(document, builder._supplementaryFigures);
    }

    private IEnumerable<CohortResult<TX>> Cohorts => new[] { _result.Cohort }.Concat(_result.Subgroups);

    private ReportSection Methods() =>
        new("Methods", MethodsText.Write(_result, _options, Disclosure).Select(p => (ReportBlock)new ReportParagraph(p)).ToArray());

    private bool Stratified => _result.Declaration.Strata.Count > 0;

    private ReportSection Flow()
    {
        var flow = _result.Flow;
        var counts = new FlowText(flow, _result.Cohort.Name, Disclosure);
        var figure = new ReportFigure("flow", $"Figure {++_figure}. Flow of the cohort: {flow.Population} (n = {counts.Recruited}), " +
            $"exclusions, the final cohort (n = {counts.Final}) by {Prose.Inline(flow.ExposureLabel)}" + (flow.Subgroups.Count > 0 ? ", and the subgroups." : ".") +
            (counts.AnyHidden ? " " + Disclosure.Footnote : ""), FlowDiagram.Draw(flow, counts));
        var table = FlowTable.Build("flow", $"Table S{++_supplementaryTable}", flow, counts);
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
            var built = BaselineReportTable.Build(_names.Unique("baseline-", cohort.Name), number, cohort.Name, cohort.ExposureLabel, table, _text, BaselineLayout.Of(_result.Declaration));
            if (cohort.TimeDependentExposure && table.By == cohort.ExposureLabel)
            {
                // A time-dependent exposure has no baseline groups: the columns are where patients ended up.
                built = built with { Footnotes = [.. built.Footnotes, $"Columns: {Prose.Inline(cohort.ExposureLabel)} at the end of follow-up (it begins during follow-up; the survival analyses follow it as it changes)."] };
            }
            blocks.Add(built);
        }
        if (blocks.Count > 0) yield return new ReportSection("Baseline characteristics", blocks);
    }

    private ReportSection Survival()
    {
        var s = _summary;
        var blocks = new List<ReportBlock>();
        foreach (var cohort in Cohorts) blocks.Add(new ReportParagraph(CohortSentence(cohort)));

        var axis = TimeAxis.For(Cohorts.SelectMany(c => c.Overall.Steps).Select(step => step.Time).DefaultIfEmpty(0).Max(), s.TimeUnit, _options.TimeBreak);
        var cohorts = Cohorts.ToArray();
        var panels = cohorts.Length == 1 ? "" : " " + string.Join(" ", cohorts.Select((c, i) => $"{(char)('A' + i)}, {c.Name}."));
        var curvesOf = _result.Cohort.TimeDependentExposure
            ? $"Simon\u2013Makuch curves of {Prose.Inline(s.OutcomeLabel)} by current {Prose.Inline(s.ExposureLabel)} (Kaplan\u2013Meier with delayed entry; Mantel-Byar test)"
            : $"Kaplan\u2013Meier curves of {Prose.Inline(s.OutcomeLabel)} by {Prose.Inline(s.ExposureLabel)}";
        blocks.Add(new ReportFigure("km", $"Figure {++_figure}. {curvesOf}.{panels} " +
            "Crosses mark censored times; numbers at risk under the time axis." + KaplanMeierFigure.DisclosureCaption(Disclosure), KaplanMeierFigure.Panels(cohorts, s, axis, Disclosure)));
        if (cohorts.Length > 1)
        {
            foreach (var cohort in cohorts)
            {
                _supplementaryFigures.Add(new ReportFigure(_names.Unique("km-", cohort.Name),
                    $"Kaplan\u2013Meier curves of {Prose.Inline(s.OutcomeLabel)} by {Prose.Inline(s.ExposureLabel)}: {cohort.Name}." + KaplanMeierFigure.DisclosureCaption(Disclosure),
                    KaplanMeierFigure.Single(cohort, s, axis, Disclosure)));
            }
        }
        blocks.Add(ExposureSurvivalTable.Build("survival-by-exposure", $"Table S{++_supplementaryTable}", cohorts, s, _text));
        if (_result.Cohort.SurvivalAt is not null) blocks.Add(FixedTimeTables.Survival("survival-at-times", $"Table {++_table}", cohorts, s, _text));
        if (_result.Cohort.RestrictedMean is not null) blocks.Add(FixedTimeTables.RestrictedMean("restricted-mean", $"Table {++_table}", cohorts, s, _text));
        return new ReportSection($"{s.OutcomeLabel} by {Prose.Inline(s.ExposureLabel)}", blocks);
    }

    private string CohortSentence(CohortResult<TX> cohort)
    {
        var s = _summary;
        var unit = s.TimeUnit is { Length: > 0 } u ? " " + u : "";
        var withPatients = cohort.ExposureCurves.Where(c => c.N > 0).ToArray();
        // Medians of groups too small to publish are single patients' times: shown as the marker.
        string Median(Stats.Survival.KaplanMeierCurve curve, string suffix) =>
            Disclosure.IsSmall(curve.N) ? Disclosure.Marker : _text.Time(curve.Median.Time) + (curve.Median.Time is null ? "" : suffix);
        var arms = withPatients.Length == 0 ? "no patients" : string.Join(", ", withPatients.Select(c => $"{c.Level} {Median(c, "")}"));
        var p = cohort.ExposureLogRank.PValue is { } value ? (value < 0.001 ? "log-rank P < 0.001" : $"log-rank P = {PValue(value)}") : "log-rank test not possible";
        var followUp = Disclosure.IsSmall(cohort.N) ? $"median follow-up {Disclosure.Marker}"
            : cohort.MedianFollowUp is { } f ? $"median follow-up {_text.Time(f)}{unit}" : "median follow-up not reached (too few censored)";
        return $"{cohort.Name}: {_text.Count(CountKey.CohortN(cohort.Name, cohort.N))} patients, {_text.Count(CountKey.CohortEvents(cohort.Name, cohort.Events))} events, {followUp}. " +
            $"Median {Prose.Inline(s.OutcomeLabel)} {Median(cohort.Overall, unit)}; by {Prose.Inline(s.ExposureLabel)}: {arms} ({p}).";
    }

    /// <summary>Per cohort: the univariate table, the models side by side, and a forest plot per model.</summary>
    private ReportSection? Analyses()
    {
        var blocks = new List<ReportBlock>();
        foreach (var cohort in Cohorts)
        {
            if (cohort.Characteristics.Count > 0)
            {
                blocks.Add(SurvivalTable.Build(_names.Unique("univariate-", cohort.Name), $"Table {++_table}", cohort, _summary, Stratified, _text));
            }
            if (cohort.Models.Count == 0) continue;
            blocks.Add(ModelsTable.Build(_names.Unique("models-", cohort.Name), $"Table {++_table}", cohort, _summary, _text));
            foreach (var model in cohort.Models.Where(m => m.Cox is { Terms.Count: > 0 }))
            {
                blocks.Add(new ReportFigure(_names.Unique("forest-", cohort.Name + " " + model.Name),
                    $"Figure {++_figure}. Hazard ratios (95% CI) of the model {model.Name}: {cohort.Name}.", ModelForest.Draw(cohort, model, _options, Disclosure)));
            }
            blocks.AddRange(ModelChecks(cohort));
        }
        return blocks.Count == 0 ? null : new ReportSection("Univariate analysis and Cox models", blocks);
    }

    /// <summary>The subgroup forest: each cohort's crude hazard ratios with the subgroups' P for interaction.</summary>
    private ReportSection? Subgroups()
    {
        if (_result.Subgroups.Count == 0 || Cohorts.Any(c => SubgroupForest.Crude(c) is null)) return null;
        var figure = new ReportFigure("forest-subgroups",
            $"Figure {++_figure}. Crude hazard ratios (95% CI) of {Prose.Inline(_summary.ExposureLabel)} by subgroup, with the P for interaction of the exposure with each subgroup.",
            SubgroupForest.Draw(Cohorts.ToArray(), _summary, Stratified, _options, Disclosure));
        return new ReportSection("Subgroups", [figure]);
    }

    /// <summary>Naive, time-dependent and landmark hazard ratios side by side, with the Simon-Makuch curves.</summary>
    private ReportSection? ImmortalTime()
    {
        if (_result.Cohort.ImmortalTime is not { } check) return null;
        var cohorts = Cohorts.ToArray();
        var blocks = new List<ReportBlock>
        {
            ImmortalTimeTable.Build("immortal-time", $"Table {++_table}", cohorts, _summary, _text),
        };
        if (!check.TimeDependentMain)
        {
            // The main figure shows the naive curves; these are the time-dependent ones beside them.
            var axis = TimeAxis.For(Cohorts.SelectMany(c => c.Overall.Steps).Select(step => step.Time).DefaultIfEmpty(0).Max(), _summary.TimeUnit, _options.TimeBreak);
            blocks.Add(new ReportFigure("simon-makuch",
                $"Figure {++_figure}. Simon\u2013Makuch curves of {Prose.Inline(_summary.OutcomeLabel)} by current {Prose.Inline(_summary.ExposureLabel)}: each patient counted in {_summary.ExposureReference} until the exposure begins ({Prose.Inline(check.StartsAt)}), then in their own level (Kaplan\u2013Meier with delayed entry); Mantel-Byar test." +
                KaplanMeierFigure.DisclosureCaption(Disclosure), KaplanMeierFigure.SimonMakuch(cohorts, _summary, axis, Disclosure)));
        }
        return new ReportSection("Immortal time", blocks);
    }

    private ReportSection? Within()
    {
        var blocks = new List<ReportBlock>();
        foreach (var cohort in Cohorts)
        {
            foreach (var within in cohort.Within)
            {
                blocks.Add(WithinTable.Build(_names.Unique("within-", cohort.Name + " " + within.Name), $"Table S{++_supplementaryTable}", cohort, within, _summary, _text));
            }
        }
        return blocks.Count == 0 ? null : new ReportSection("Analyses within selections", blocks);
    }

    private ReportSection? Notes()
    {
        var notes = new List<string>();
        foreach (var cohort in Cohorts)
        {
            notes.AddRange(cohort.Notes.Select(n => $"{cohort.Name}: {NoteText.Render(cohort.Name, n, Disclosure)}").Distinct());
        }
        return notes.Count == 0 ? null : new ReportSection("Notes", [new ReportNotes(notes)]);
    }
}
