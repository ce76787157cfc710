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
        Add(m, "full.PR", full, "surgery", "PR");
        Add(m, "full.PHR", full, "surgery", "PHR");
        Add(m, "full.age", full, "age", ">=60");
        Add(m, "full.extra", full, "extrahepatic", "Yes");
        Add(m, "full.hm", full, "HM diameter", ">40");
        Add(m, "full.G1", full, "grade", "G1");
        Add(m, "full.G2", full, "grade", "G2");
        Add(m, "full.G3", full, "grade", "G3");
        Add(m, "full.ssa", full, "SSA", "Yes");

        // Table 3: surgery, HM diameter and chemotherapy within bt-pNET-sHM.
        var bt = SurvivalAnalyses.Cox(time, status, f.BodyTail, f.Surgery, f.HmDiameter, f.Chemotherapy);
        Add(m, "bt.PR", bt, "surgery", "PR");
        Add(m, "bt.PHR", bt, "surgery", "PHR");
        Add(m, "bt.hm", bt, "HM diameter", ">40");
        Add(m, "bt.chemo", bt, "chemotherapy", "Yes");

        // eTable 2: within bt-pNET PHR, HM <= 40 mm against > 40 mm.
        var phr = SurvivalAnalyses.Cox(time, status, f.BodyTailPhr, f.HmDiameter with { Reference = 1 });
        Add(m, "btphr.hmle40", phr, "HM diameter", "<=40");
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

    /// <summary>"cox.{key}": the hazard ratio; "coxp.{key}": its Wald P. Null when the
    /// coefficient is not estimable or may be infinite.</summary>
    private static void Add(Dictionary<string, double?> m, string key, CoxResult fit, string variable, string level)
    {
        var term = fit.Term(variable, level) is { PossiblyInfinite: false } t ? t : null;
        m[$"cox.{key}"] = term?.HazardRatio;
        m[$"coxp.{key}"] = term?.PValue;
    }
}
