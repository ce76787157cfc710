using System.Globalization;
using Pnen.Stats.Survival.Cox;

namespace Pnen.Dsl.Execution;

/// <summary>
/// The multivariable Cox model: the exposure, always, and the covariates the plan selects (by its
/// univariate screen or its confounder list). Characteristics constant in the cohort are left out
/// with a note; rows missing a covariate are left out of the model (complete cases) and counted.
/// </summary>
internal static class Multivariable<T, TX> where T : ICodebook<T> where TX : notnull
{
    public static MultivariableResult<TX> Fit(
        MultivariableSpec spec,
        ExposureSpec<T, TX> exposure,
        EvaluatedCharacteristic<T> exposureRow,
        IReadOnlyList<EvaluatedCharacteristic<T>> candidates,
        IReadOnlyList<UnivariateResult> univariate,
        double[] time,
        bool[] died)
    {
        var notes = new List<string>();
        var all = Enumerable.Range(0, time.Length).ToArray();
        var chosen = new List<EvaluatedCharacteristic<T>>();
        string selection;
        if (spec.Screen is { } screen)
        {
            selection = $"adjusted for the characteristics with {screen}";
            foreach (var c in candidates)
            {
                var row = univariate.FirstOrDefault(u => u.Characteristic == c.Label);
                if (row is not null && screen.Selects(row.PValue)) chosen.Add(c);
            }
        }
        else
        {
            var list = spec.AdjustFor ?? [];
            selection = list.Count == 0 ? "unadjusted" : "adjusted for " + string.Join(", ", list);
            chosen.AddRange(list.Select(label => candidates.Single(c => c.Label == label)));
        }

        var modelled = new List<EvaluatedCharacteristic<T>>();
        foreach (var c in chosen)
        {
            if (c.ConstantReason(all) is { } reason) notes.Add($"{c.Label} was left out of the multivariable model: {reason}");
            else modelled.Add(c);
        }

        var covariates = new List<CoxCovariate> { exposureRow.ToCovariate(all) };
        covariates.AddRange(modelled.Select(c => c.ToCovariate(all)));
        var model = CoxRegression.Fit(time, died, covariates, new CoxOptions { Ties = spec.Ties });
        if (model.Dropped > 0)
        {
            notes.Add(ModelNotes.Dropped(model.Dropped.ToString(CultureInfo.InvariantCulture), model.Dropped == 1, model.N.ToString(CultureInfo.InvariantCulture)));
        }
        notes.AddRange(model.Warnings.Where(w => !w.Contains("left out because", StringComparison.Ordinal)));

        var estimates = new List<AdjustedEstimate>();
        estimates.AddRange(LevelAnalysis.Estimates(exposure.Label, exposure.Levels.Labels, exposure.Reference, false, model));
        foreach (var c in modelled)
        {
            estimates.AddRange(LevelAnalysis.Estimates(c.Label, c.Spec.Levels, c.Spec.Reference, c.IsContinuous, model));
        }
        return new MultivariableResult<TX>(model, exposure.Label, exposure.Levels.CodeOf, modelled.Select(c => c.Label).ToArray(), selection, estimates, notes);
    }
}
