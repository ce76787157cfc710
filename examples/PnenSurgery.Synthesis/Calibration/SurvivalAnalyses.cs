using Pnen.Stats.Survival;
using Pnen.Stats.Survival.Cox;

namespace PnenSurgery.Synthesis.Calibration;

/// <summary>The paper's survival analyses on a set of rows, through the Pnen.Stats engine.</summary>
public static class SurvivalAnalyses
{
    /// <summary>Kaplan-Meier median (print(survfit) rule); null when not reached.</summary>
    public static double? Median(double[] time, bool[] status, int[] rows) =>
        KaplanMeier.Fit(Pick(time, rows), Pick(status, rows)).Median.Time;

    /// <summary>Median of the rows whose code of <paramref name="factor"/> is <paramref name="level"/>.</summary>
    public static double? Median(double[] time, bool[] status, int[] rows, Factor factor, int level) =>
        Median(time, status, rows.Where(r => factor.Codes[r] == level).ToArray());

    /// <summary>Median follow-up by the reverse Kaplan-Meier method: censoring is the event.</summary>
    public static double? MedianFollowUp(double[] time, bool[] status) =>
        KaplanMeier.Fit(time, status.Select(s => !s).ToArray()).Median.Time;

    /// <summary>Log-rank P across the levels of <paramref name="factor"/>, rows with a missing value left out.</summary>
    public static double? LogRankP(double[] time, bool[] status, int[] rows, Factor factor)
    {
        var kept = rows.Where(r => factor.Codes[r] >= 0).ToArray();
        return LogRank.Test(Pick(time, kept), Pick(status, kept), Pick(factor.Codes, kept), factor.Levels).PValue;
    }

    /// <summary>Cox model (Efron ties) on the rows, complete cases.</summary>
    public static CoxResult Cox(double[] time, bool[] status, int[] rows, params Factor[] factors) =>
        CoxRegression.Fit(Pick(time, rows), Pick(status, rows), factors.Select(f => (CoxCovariate)f.Subset(rows).Covariate()).ToList());

    public static int[] All(int n) => Enumerable.Range(0, n).ToArray();

    private static T[] Pick<T>(T[] values, int[] rows)
    {
        var picked = new T[rows.Length];
        for (var i = 0; i < rows.Length; i++) picked[i] = values[rows[i]];
        return picked;
    }
}
