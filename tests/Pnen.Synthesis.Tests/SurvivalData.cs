using Pnen.Stats.Survival;
using Pnen.Stats.Survival.Cox;

namespace Pnen.Synthesis.Tests;

/// <summary>The survival analyses of the paper on rows of the committed CSV, through Pnen.Stats.</summary>
public sealed class SurvivalData
{
    private readonly IReadOnlyList<CohortRow> _rows;

    public SurvivalData(IEnumerable<CohortRow> rows)
    {
        _rows = rows.ToList();
        Time = _rows.Select(r => r.OsMonths).ToArray();
        Died = _rows.Select(r => r.Died).ToArray();
    }

    public double[] Time { get; }

    public bool[] Died { get; }

    public SurvivalData Where(Func<CohortRow, bool> keep) => new(_rows.Where(keep));

    public double? Median() => KaplanMeier.Fit(Time, Died).Median.Time;

    /// <summary>The Kaplan-Meier survival at <paramref name="time"/>.</summary>
    public double SurvivalAt(double time) => KaplanMeier.Fit(Time, Died).SurvivalAt(time);

    /// <summary>Reverse Kaplan-Meier: censoring is the event.</summary>
    public double? MedianFollowUp() => KaplanMeier.Fit(Time, Died.Select(d => !d).ToArray()).Median.Time;

    /// <summary>Log-rank P over the levels (in the given order) of a characteristic, missing values left out.</summary>
    public double? LogRankP(string variable, IReadOnlyList<string> levels)
    {
        var classify = Characteristics.ByVariable[variable];
        var kept = Enumerable.Range(0, _rows.Count).Where(i => classify(_rows[i]) is { } l && levels.Contains(l)).ToArray();
        var groups = kept.Select(i => levels.ToList().IndexOf(classify(_rows[i])!)).ToArray();
        return LogRank.Test(kept.Select(i => Time[i]).ToArray(), kept.Select(i => Died[i]).ToArray(), groups, levels).PValue;
    }

    /// <summary>Cox model (Efron) on categorical characteristics, complete cases; each is
    /// (variable, its levels, the reference level).</summary>
    public CoxResult Cox(params (string Variable, string[] Levels, string Reference)[] covariates)
    {
        var list = new List<CoxCovariate>();
        foreach (var (variable, levels, reference) in covariates)
        {
            var classify = Characteristics.ByVariable[variable];
            var codes = _rows.Select(r => classify(r) is { } l ? Array.IndexOf(levels, l) : -1).ToArray();
            list.Add(new CategoricalCovariate(variable, codes, levels, Array.IndexOf(levels, reference)));
        }
        return CoxRegression.Fit(Time, Died, list);
    }
}
