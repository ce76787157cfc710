using Pnen.Stats.Survival.Cox;

namespace PnenSurgery.Synthesis.Calibration;

/// <summary>
/// Every number of the paper that depends on survival times, computed on a synthetic cohort:
/// hazard ratios of the three Cox models, medians, log-rank P values, deaths and follow-up.
/// Keys are those of <see cref="PublishedTargets"/>. The "calibration" set (the Cox models,
/// deaths, follow-up) is what the parameter search needs on every step; the rest is for scoring
/// a seed and for the report.
/// </summary>
public static class Measures
{
    public static Dictionary<string, double?> Calibration(CohortFrame f, double[] time, bool[] status)
    {
        var m = new Dictionary<string, double?>();
        var all = SurvivalAnalyses.All(f.Count);
        m["deaths"] = status.Count(s => s);
        m["followup.median"] = SurvivalAnalyses.MedianFollowUp(time, status);

        // Table 2: the variables with univariate P <= 0.15, surgery first (NR reference).
        var full = SurvivalAnalyses.Cox(time, status, all, f.Surgery, f.Age, f.Extrahepatic, f.HmDiameter, f.Grade, f.Ssa);
        m["cox.full.PR"] = Hr(full, "surgery", "PR");
        m["cox.full.PHR"] = Hr(full, "surgery", "PHR");
        m["cox.full.age"] = Hr(full, "age", ">=60");
        m["cox.full.extra"] = Hr(full, "extrahepatic", "Yes");
        m["cox.full.hm"] = Hr(full, "HM diameter", ">40");
        m["cox.full.G1"] = Hr(full, "grade", "G1");
        m["cox.full.G2"] = Hr(full, "grade", "G2");
        m["cox.full.G3"] = Hr(full, "grade", "G3");
        m["cox.full.ssa"] = Hr(full, "SSA", "Yes");

        // Table 3: surgery, HM diameter and chemotherapy within bt-pNET-sHM.
        var bt = SurvivalAnalyses.Cox(time, status, f.BodyTail, f.Surgery, f.HmDiameter, f.Chemotherapy);
        m["cox.bt.PR"] = Hr(bt, "surgery", "PR");
        m["cox.bt.PHR"] = Hr(bt, "surgery", "PHR");
        m["cox.bt.hm"] = Hr(bt, "HM diameter", ">40");
        m["cox.bt.chemo"] = Hr(bt, "chemotherapy", "Yes");

        // eTable 2: within bt-pNET PHR, HM <= 40 mm against > 40 mm.
        var phr = SurvivalAnalyses.Cox(time, status, f.BodyTailPhr, f.HmDiameter with { Reference = 1 });
        m["cox.btphr.hmle40"] = Hr(phr, "HM diameter", "<=40");
        return m;
    }

    public static Dictionary<string, double?> All(CohortFrame f, double[] time, bool[] status)
    {
        var m = Calibration(f, time, status);
        var all = SurvivalAnalyses.All(f.Count);
        m["median.all"] = SurvivalAnalyses.Median(time, status, all);
        m["median.NR"] = SurvivalAnalyses.Median(time, status, all, f.Surgery, 0);
        m["median.PR"] = SurvivalAnalyses.Median(time, status, all, f.Surgery, 1);
        m["median.PHR"] = SurvivalAnalyses.Median(time, status, all, f.Surgery, 2);
        m["median.extra"] = SurvivalAnalyses.Median(time, status, all, f.Extrahepatic, 1);
        m["median.bt"] = SurvivalAnalyses.Median(time, status, f.BodyTail);
        m["median.bt.NR"] = SurvivalAnalyses.Median(time, status, f.BodyTail, f.Surgery, 0);
        m["median.bt.PR"] = SurvivalAnalyses.Median(time, status, f.BodyTail, f.Surgery, 1);
        m["median.bt.PHR"] = SurvivalAnalyses.Median(time, status, f.BodyTail, f.Surgery, 2);
        m["median.hn"] = SurvivalAnalyses.Median(time, status, f.HeadNeck);
        m["median.nec"] = SurvivalAnalyses.Median(time, status, f.Nec);
        m["median.nec.NR"] = SurvivalAnalyses.Median(time, status, f.Nec, f.Surgery, 0);
        m["median.nec.PR"] = SurvivalAnalyses.Median(time, status, f.Nec, f.Surgery, 1);

        AddLogRanks(m, f, time, status, _ => true);
        m["logrank.hn.surgery"] = SurvivalAnalyses.LogRankP(time, status, f.HeadNeck, f.Surgery);
        m["logrank.nec.surgery"] = SurvivalAnalyses.LogRankP(time, status, f.Nec, f.Surgery);
        return m;
    }

    /// <summary>The log-rank P values of the variables the survival model does not use.</summary>
    public static Dictionary<string, double?> Descriptive(CohortFrame f, double[] time, bool[] status)
    {
        var m = new Dictionary<string, double?>();
        AddLogRanks(m, f, time, status, PublishedTargets.DescriptiveVariables.Contains);
        return m;
    }

    private static void AddLogRanks(Dictionary<string, double?> m, CohortFrame f, double[] time, bool[] status, Func<string, bool> include)
    {
        var all = SurvivalAnalyses.All(f.Count);
        foreach (var factor in f.Table2Factors.Where(x => include(x.Name)))
        {
            m[$"logrank.full.{factor.Name}"] = SurvivalAnalyses.LogRankP(time, status, all, factor);
        }
        foreach (var factor in f.Table3Factors.Where(x => include(x.Name)))
        {
            m[$"logrank.bt.{factor.Name}"] = SurvivalAnalyses.LogRankP(time, status, f.BodyTail, factor);
        }
    }

    private static double? Hr(CoxResult fit, string variable, string level) =>
        fit.Term(variable, level) is { PossiblyInfinite: false } term ? term.HazardRatio : null;
}
