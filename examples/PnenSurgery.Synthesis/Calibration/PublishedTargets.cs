namespace PnenSurgery.Synthesis.Calibration;

/// <summary>
/// The survival-dependent numbers of Xu et al., Pancreas 2025 (copied from
/// shared/paper/published.json; "&lt;0.001" is entered as 0.001, only its side of 0.15 is used).
/// </summary>
public static class PublishedTargets
{
    /// <summary>The characteristics the survival model does not use (their P values depend on the descriptive shuffle).</summary>
    public static readonly IReadOnlySet<string> DescriptiveVariables = new HashSet<string>
    {
        "gender", "HM distribution", "location", "primary diameter", "functioning", "MEN1/VHL", "lymph node", "targeted", "TACE", "RFA",
    };

    // Declared after DescriptiveVariables: static fields initialise in textual order.
    public static readonly IReadOnlyList<Target> All = Build();

    /// <summary>The 14 hazard ratios the parameter search fits, in <see cref="Calibrator"/>'s order.</summary>
    public static IReadOnlyList<Target> HazardRatios => All.Where(t => t.Kind == TargetKind.HazardRatio).ToList();

    private static List<Target> Build()
    {
        var t = new List<Target>
        {
            new("deaths", "Deaths (final cohort)", 63, TargetKind.Count, 1, "table2.deaths"),
            new("followup.median", "Median follow-up, reverse KM (months)", 48, TargetKind.Months, 1, "table2.median_followup_months"),

            new("cox.full.PR", "Full Cox: PR vs NR", 0.616, TargetKind.HazardRatio, 1, "table2 Surgical treatment PR hr"),
            new("cox.full.PHR", "Full Cox: PHR vs NR", 0.302, TargetKind.HazardRatio, 1, "table2 Surgical treatment PHR hr"),
            new("cox.full.age", "Full Cox: age >= 60", 1.5, TargetKind.HazardRatio, 1, "table2 Age >=60 hr"),
            new("cox.full.extra", "Full Cox: extrahepatic metastasis", 2.422, TargetKind.HazardRatio, 1, "table2 Baseline extrahepatic metastasis hr"),
            new("cox.full.hm", "Full Cox: HM > 40 mm", 1.479, TargetKind.HazardRatio, 1, "table2 Maximum diameter of HM hr"),
            new("cox.full.G1", "Full Cox: G1 vs NEC", 0.208, TargetKind.HazardRatio, 1, "table2 Pathological grading G1 hr"),
            new("cox.full.G2", "Full Cox: G2 vs NEC", 0.256, TargetKind.HazardRatio, 1, "table2 Pathological grading G2 hr"),
            new("cox.full.G3", "Full Cox: G3 vs NEC", 0.278, TargetKind.HazardRatio, 1, "table2 Pathological grading G3 hr"),
            new("cox.full.ssa", "Full Cox: SSA", 0.84, TargetKind.HazardRatio, 1, "table2 SSA hr"),
            new("cox.bt.PR", "bt-pNET Cox: PR vs NR", 0.598, TargetKind.HazardRatio, 1, "table3 Surgical treatment PR hr"),
            new("cox.bt.PHR", "bt-pNET Cox: PHR vs NR", 0.287, TargetKind.HazardRatio, 1, "table3 Surgical treatment PHR hr"),
            new("cox.bt.hm", "bt-pNET Cox: HM > 40 mm", 1.884, TargetKind.HazardRatio, 1, "table3 Maximum diameter of HM hr"),
            new("cox.bt.chemo", "bt-pNET Cox: chemotherapy", 1.608, TargetKind.HazardRatio, 1, "table3 Chemotherapy hr"),
            // About four deaths behind it (its CI spans 0.019-0.928): weighted down.
            new("cox.btphr.hmle40", "bt-pNET PHR: HM <= 40 vs > 40 mm", 0.131, TargetKind.HazardRatio, 0.25, "subgroup_results.bt-pNET-sHM.phr_only_hm_le40.hr"),

            new("median.all", "Median OS, full cohort", 69, TargetKind.Median, 1, "table2.overall_median_os"),
            new("median.NR", "Median OS, NR", 32, TargetKind.Median, 1, "subgroup_results.full_cohort.median_by_arm.NR"),
            new("median.PR", "Median OS, PR", 72, TargetKind.Median, 1, "subgroup_results.full_cohort.median_by_arm.PR"),
            new("median.PHR", "Median OS, PHR", 122, TargetKind.Median, 1, "subgroup_results.full_cohort.median_by_arm.PHR"),
            new("median.extra", "Median OS, extrahepatic metastasis", 11, TargetKind.Median, 0.5, "table2 Baseline extrahepatic metastasis Yes median"),
            new("median.bt", "Median OS, bt-pNET-sHM", 70, TargetKind.Median, 1, "table3.overall_median_os"),
            new("median.bt.NR", "Median OS, bt-pNET NR", 50, TargetKind.Median, 1, "subgroup_results.bt-pNET-sHM.median_by_arm.NR"),
            new("median.bt.PR", "Median OS, bt-pNET PR", 78, TargetKind.Median, 1, "subgroup_results.bt-pNET-sHM.median_by_arm.PR"),
            new("median.bt.PHR", "Median OS, bt-pNET PHR", 122, TargetKind.Median, 1, "subgroup_results.bt-pNET-sHM.median_by_arm.PHR"),
            new("median.hn", "Median OS, hn-pNET-sHM", 50, TargetKind.Median, 0.5, "subgroup_results.hn-pNET-sHM.median"),
            new("median.nec", "Median OS, pNEC-sHM", 9, TargetKind.Median, 1, "subgroup_results.pNEC-sHM.median"),
            new("median.nec.NR", "Median OS, pNEC NR", 9, TargetKind.Median, 0.5, "subgroup_results.pNEC-sHM.median_by_arm.NR"),
            // Three patients: weighted down.
            new("median.nec.PR", "Median OS, pNEC PR", 7, TargetKind.Median, 0.1, "subgroup_results.pNEC-sHM.median_by_arm.PR"),

            new("logrank.hn.surgery", "hn-pNET log-rank by surgery", 0.511, TargetKind.PValue, 1, "subgroup_results.hn-pNET-sHM.logrank_p"),
            new("logrank.nec.surgery", "pNEC log-rank by surgery", 0.342, TargetKind.PValue, 1, "subgroup_results.pNEC-sHM.logrank_p"),
        };

        (string Key, string Label, double P)[] adjusted =
        [
            ("full.PR", "Full Cox: PR vs NR", 0.219), ("full.PHR", "Full Cox: PHR vs NR", 0.007), ("full.age", "Full Cox: age >= 60", 0.217),
            ("full.extra", "Full Cox: extrahepatic metastasis", 0.023), ("full.hm", "Full Cox: HM > 40 mm", 0.205),
            ("full.G1", "Full Cox: G1 vs NEC", 0.019), ("full.G2", "Full Cox: G2 vs NEC", 0.004), ("full.G3", "Full Cox: G3 vs NEC", 0.015),
            ("full.ssa", "Full Cox: SSA", 0.625), ("bt.PR", "bt-pNET Cox: PR vs NR", 0.356), ("bt.PHR", "bt-pNET Cox: PHR vs NR", 0.040),
            ("bt.hm", "bt-pNET Cox: HM > 40 mm", 0.166), ("bt.chemo", "bt-pNET Cox: chemotherapy", 0.266),
            ("btphr.hmle40", "bt-pNET PHR: HM <= 40 vs > 40 mm", 0.042),
        ];
        foreach (var (key, label, p) in adjusted)
        {
            t.Add(new($"coxp.{key}", $"{label}, adjusted P", p, TargetKind.AdjustedPValue, 1, $"p_adjusted of '{label}'"));
        }

        (string Name, double P)[] table2 =
        [
            ("gender", 0.307), ("age", 0.024), ("HM distribution", 0.956), ("extrahepatic", 0.001), ("location", 0.291),
            ("primary diameter", 0.985), ("HM diameter", 0.082), ("grade", 0.001), ("functioning", 0.673), ("MEN1/VHL", 0.366),
            ("lymph node", 0.244), ("surgery", 0.001), ("SSA", 0.001), ("targeted", 0.458), ("chemotherapy", 0.175),
            ("TACE", 0.851), ("RFA", 0.215),
        ];
        foreach (var (name, p) in table2)
        {
            t.Add(new($"logrank.full.{name}", $"Table 2 log-rank: {name}", p, TargetKind.PValue, 1, $"table2 {name} p_univariate", DescriptiveVariables.Contains(name)));
        }

        (string Name, double P)[] table3 =
        [
            ("gender", 0.428), ("age", 0.444), ("HM distribution", 0.603), ("primary diameter", 0.397), ("HM diameter", 0.078),
            ("grade", 0.286), ("functioning", 0.936), ("MEN1/VHL", 0.697), ("lymph node", 0.698), ("surgery", 0.045),
            ("SSA", 0.392), ("targeted", 0.366), ("chemotherapy", 0.143), ("TACE", 0.177), ("RFA", 0.679),
        ];
        foreach (var (name, p) in table3)
        {
            t.Add(new($"logrank.bt.{name}", $"Table 3 log-rank: {name}", p, TargetKind.PValue, 1, $"table3 {name} p_univariate", DescriptiveVariables.Contains(name)));
        }
        return t;
    }
}
