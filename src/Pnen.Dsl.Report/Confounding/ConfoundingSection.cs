using static Pnen.Formatting.Numbers;

namespace Pnen.Dsl.Report;

// The section against confounding by indication: weights, balance, the love plot, the weighted curves and
// hazard ratios with E-values, and the adjusted curves with their absolute effects.
internal sealed partial class ReportBuilder<TX>
{
    private ReportSection? Confounding()
    {
        var cohorts = Cohorts.ToArray();
        var weighted = cohorts.Where(c => c.Weighting is not null).ToArray();
        var adjusted = cohorts.Where(c => c.AdjustedCurves is not null).ToArray();
        if (weighted.Length == 0 && adjusted.Length == 0) return null;

        var s = _summary;
        var blocks = new List<ReportBlock>();
        var axis = TimeAxis.For(cohorts.SelectMany(c => c.Overall.Steps).Select(step => step.Time).DefaultIfEmpty(0).Max(), s.TimeUnit, _options.TimeBreak);
        if (weighted.Length > 0)
        {
            blocks.AddRange(weighted.Select(c => new ReportParagraph(BalanceSentence(c))));
            blocks.Add(WeightsTable.Build("weights", $"Table {++_table}", weighted, s, _text));
            foreach (var cohort in weighted)
            {
                var main = ReferenceEquals(cohort, _result.Cohort);
                blocks.Add(BalanceReportTable.Build(_names.Unique("balance-", cohort.Name), main ? $"Table {++_table}" : $"Table S{++_supplementaryTable}", cohort, s, _text));
                var plot = new ReportFigure(_names.Unique("love-plot-", cohort.Name),
                    (main ? $"Figure {++_figure}. " : "") + $"Love plot: standardised differences of the propensity model's covariates before (hollow) and after (filled) weighting, {cohort.Name}; dashed lines at \u00b10.1.",
                    LovePlot.Draw(cohort, s));
                if (main) blocks.Add(plot);
                else _supplementaryFigures.Add(plot);
            }
            var estimable = weighted.Where(c => c.Weighting!.Estimated).ToArray();
            if (estimable.Length > 0)
            {
                var panels = estimable.Length == 1 ? "" : " " + string.Join(" ", estimable.Select((c, i) => $"{(char)('A' + i)}, {c.Name}."));
                blocks.Add(new ReportFigure("km-weighted", $"Figure {++_figure}. Kaplan\u2013Meier curves of {Prose.Inline(s.OutcomeLabel)} by {Prose.Inline(s.ExposureLabel)} with the inverse probability of treatment weights.{panels} " +
                    "Crosses mark censored times; numbers at risk (records, not weights) under the time axis; the weighted hazard ratios and the robust score test are in the next table." + KaplanMeierFigure.DisclosureCaption(Disclosure),
                    ConfoundingFigures.WeightedCurves(estimable, s, axis, Disclosure)));
            }
            blocks.Add(WeightedEffectsTable.Build("weighted-hazard-ratios", $"Table {++_table}", weighted, s, _text));
        }
        if (adjusted.Length > 0)
        {
            var estimable = adjusted.Where(c => c.AdjustedCurves!.Estimated).ToArray();
            if (estimable.Length > 0)
            {
                var panels = estimable.Length == 1 ? "" : " " + string.Join(" ", estimable.Select((c, i) => $"{(char)('A' + i)}, {c.Name}."));
                blocks.Add(new ReportFigure("adjusted-curves", $"Figure {++_figure}. Survival by {Prose.Inline(s.ExposureLabel)} adjusted by direct standardisation (the mean of every patient's predicted curve at each level).{panels}" +
                    (Disclosure.Threshold is { } t ? $" Curves stop where fewer than {Integer(t)} patients of the cohort are at risk." : ""),
                    ConfoundingFigures.AdjustedCurves(estimable, s, axis, Disclosure)));
            }
            blocks.Add(AdjustedEffectsTable.Build("adjusted-effects", $"Table {++_table}", adjusted, s, _text));
        }
        return new ReportSection("Confounding by indication: propensity-score weighting and adjusted curves", blocks);
    }

    /// <summary>"Final cohort: 199 of 214 records weighted (multinomial propensity model); the largest standardised
    /// difference is 0.45 before weighting and 0.08 after; effective sample sizes NR 64.5 of 76, ..."</summary>
    private string BalanceSentence(CohortResult<TX> cohort)
    {
        var w = cohort.Weighting!;
        var name = cohort.Name;
        if (!w.Estimated) return $"{name}: not weighted ({string.Join("; ", w.Notes.OfType<NotDone>().Select(n => n.Reason))}).";
        var kind = w.Model!.Kind == Stats.Regression.LogitKind.Logistic ? "logistic" : "multinomial";
        static double? Largest(IEnumerable<double?> values) => values.OfType<double>().Select(Math.Abs).DefaultIfEmpty().Max();
        var before = Largest(w.Balance.Select(b => b.Before));
        var after = Largest(w.Balance.Select(b => b.After));
        var ess = string.Join(", ", w.Arms.Where(a => a.N > 0).Select(a =>
        {
            var key = CountKey.WeightingArm(name, a.Level, a.N);
            return Disclosure.IsHidden(key) || Disclosure.IsSmall(a.N) ? $"{a.Level} {Disclosure.Marker}" : $"{a.Level} {Fixed(a.EffectiveSize, 1)} of {_text.Count(key)}";
        }));
        var balance = w.Balanced ? "every standardised difference is within \u00b10.1 after weighting" : $"{Integer(w.Balance.Count(b => b.Imbalanced))} of {Integer(w.Balance.Count)} rows (covariates and levels) keep a difference beyond \u00b10.1 after weighting";
        return $"{name}: {_text.Count(CountKey.WeightingN(name, w.N))} of {_text.Count(CountKey.CohortN(name, cohort.N))} records weighted ({kind} propensity model); " +
            $"the largest absolute standardised difference is {(before is { } b ? Fixed(b, 3) : Dash)} before weighting and {(after is { } a ? Fixed(a, 3) : Dash)} after; {balance}. Effective sample sizes: {ess}.";
    }
}
