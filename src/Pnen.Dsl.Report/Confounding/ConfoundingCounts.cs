namespace Pnen.Dsl.Report;

internal readonly partial record struct CountKey
{
    /// <summary>The records a cohort's weighting analysed, by the name of its weighted pseudo-cohort, so that its
    /// arms are <see cref="Arm"/> keys there (what the weighted curves' numbers at risk repeat).</summary>
    public static CountKey WeightingN(string cohort, int value) => CohortN(Weighted(cohort), value);

    public static CountKey WeightingArm(string cohort, string level, int value) => Arm(Weighted(cohort), level, value);

    public static CountKey WeightingDropped(string cohort, int value) => new("weighting-dropped", cohort, "", "", value);

    public static CountKey CurvesN(string cohort, int value) => new("curves-n", cohort, "", "", value);

    public static CountKey CurvesDropped(string cohort, int value) => new("curves-dropped", cohort, "", "", value);

    /// <summary>The name under which a cohort's weighted counts are kept apart from its own.</summary>
    public static string Weighted(string cohort) => cohort + "\u001fweighted";
}

/// <summary>Registers the counts of the weighting and the adjusted curves: each analysis's records and those it
/// left out make the cohort, and the weighting's arms make its records.</summary>
internal static class ConfoundingCounts
{
    public static void Register<TX>(CohortResult<TX> cohort, Action<CountKey, IEnumerable<CountKey>> sum) where TX : notnull
    {
        var name = cohort.Name;
        var n = CountKey.CohortN(name, cohort.N);
        if (cohort.Weighting is { } w)
        {
            var analysed = CountKey.WeightingN(name, w.N);
            sum(n, [analysed, CountKey.WeightingDropped(name, w.Dropped)]);
            if (w.Estimated) sum(analysed, w.Arms.Select(a => CountKey.WeightingArm(name, a.Level, a.N)));
        }
        if (cohort.AdjustedCurves is { } c) sum(n, [CountKey.CurvesN(name, c.N), CountKey.CurvesDropped(name, c.Dropped)]);
    }
}
