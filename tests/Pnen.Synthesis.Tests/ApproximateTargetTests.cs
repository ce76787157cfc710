using System.Text.Json;

namespace Pnen.Synthesis.Tests;

/// <summary>
/// The numbers that depend on the synthetic survival times, recomputed from the committed CSV
/// with the engine and compared with published.json within the README's tolerances.
/// </summary>
public class ApproximateTargetTests
{
    private static readonly SurvivalData Final = new(CommittedCohort.Final);
    private static readonly SurvivalData BodyTail = Final.Where(r => r.InBodyTailPnet);

    [Fact]
    public void Deaths_in_the_final_cohort() =>
        Assert.InRange(Final.Died.Count(d => d), Published.Int("table2", "deaths") - Tolerances.Deaths, Published.Int("table2", "deaths") + Tolerances.Deaths);

    [Fact]
    public void Median_follow_up_by_reverse_kaplan_meier()
    {
        var published = Published.Number("table2", "median_followup_months");
        Assert.InRange(Final.MedianFollowUp()!.Value, published - Tolerances.FollowUpMonths, published + Tolerances.FollowUpMonths);
    }

    /// <summary>The variables whose univariate log-rank P is at most 0.15 in the synthetic data
    /// are exactly those the paper entered into its multivariable model (the levels with an HR).</summary>
    [Theory]
    [InlineData("table2")]
    [InlineData("table3")]
    public void Screening_at_p_015_selects_the_published_model_variables(string table)
    {
        var data = table == "table2" ? Final : BodyTail;
        var selected = new List<string>();
        var published = new List<string>();
        foreach (var row in Published.At(table, "rows").EnumerateArray())
        {
            var variable = row.GetProperty("variable").GetString()!;
            if (row.GetProperty("levels").EnumerateArray().Any(l => l.TryGetProperty("hr", out _))) published.Add(variable);
            var levels = Levels(row);
            if (levels.Count < 2) continue; // constant in the subgroup: no test
            if (data.LogRankP(variable, levels) is <= 0.15) selected.Add(variable);
        }
        Assert.Equal(published, selected);
    }

    public static TheoryData<string, string> UnivariatePValues()
    {
        var data = new TheoryData<string, string>();
        foreach (var table in new[] { "table2", "table3" })
        {
            foreach (var row in Published.At(table, "rows").EnumerateArray())
            {
                if (row.GetProperty("p_univariate").ValueKind == JsonValueKind.String) data.Add(table, row.GetProperty("variable").GetString()!);
            }
        }
        return data;
    }

    /// <summary>Every univariate P is on the published side of the screening threshold 0.15.</summary>
    [Theory]
    [MemberData(nameof(UnivariatePValues))]
    public void Univariate_p_is_on_the_published_side_of_015(string table, string variable)
    {
        var row = Published.Row(table, variable);
        var published = Published.PValue(row.GetProperty("p_univariate"));
        var p = (table == "table2" ? Final : BodyTail).LogRankP(variable, Levels(row))!.Value;
        Assert.True(p <= 0.15 == published <= 0.15, $"{table} {variable}: P = {p:0.000}, published {published}");
    }

    [Theory]
    [InlineData("hn-pNET-sHM")]
    [InlineData("pNEC-sHM")]
    public void Surgery_makes_no_significant_difference_in_hn_pnet_and_pnec(string subgroup)
    {
        var data = Final.Where(r => subgroup == "pNEC-sHM" ? r.InNec : r.InHeadNeckPnet);
        var published = Published.PValue(Published.At("subgroup_results", subgroup, "logrank_p"));
        var p = data.LogRankP("Surgical treatment", ["NR", "PR", "PHR"])!.Value;
        Assert.True(p > 0.15 && published > 0.15, $"{subgroup}: P = {p:0.000}, published {published}");
    }

    [Fact]
    public void Full_cohort_multivariable_cox_hazard_ratios()
    {
        var fit = Final.Cox(
            ("Surgical treatment", ["NR", "PR", "PHR"], "NR"),
            ("Age, y", ["<60", ">=60"], "<60"),
            ("Baseline extrahepatic metastasis", ["No", "Yes"], "No"),
            ("Maximum diameter of HM", ["<=40 mm", ">40 mm"], "<=40 mm"),
            ("Pathological grading", ["G1", "G2", "G3", "NEC"], "NEC"),
            ("SSA", ["No", "Yes"], "No"));
        AssertHazardRatios("table2", fit);
    }

    [Fact]
    public void BodyTail_multivariable_cox_hazard_ratios()
    {
        var fit = BodyTail.Cox(
            ("Surgical treatment", ["NR", "PR", "PHR"], "NR"),
            ("Maximum diameter of HM", ["<=40 mm", ">40 mm"], "<=40 mm"),
            ("Chemotherapy", ["No", "Yes"], "No"));
        AssertHazardRatios("table3", fit);
    }

    [Fact]
    public void BodyTail_phr_small_hepatic_metastases_hazard_ratio()
    {
        var fit = BodyTail.Where(r => r.Surgery == "PHR").Cox(("Maximum diameter of HM", [">40 mm", "<=40 mm"], ">40 mm"));
        var term = fit.Term("Maximum diameter of HM", "<=40 mm")!;
        var published = Published.At("subgroup_results", "bt-pNET-sHM", "phr_only_hm_le40");
        AssertClose(published.GetProperty("hr").GetDouble(), term.HazardRatio, Tolerances.LogHazardRatioBodyTailPhr, "bt-pNET PHR HM <= 40");
        AssertSameSignificance(Published.PValue(published.GetProperty("p")), term.PValue, "bt-pNET PHR HM <= 40");
    }

    /// <summary>Every published median except pNEC PR (three patients).</summary>
    public static TheoryData<string, string> Medians() => new()
    {
        { "full cohort", "table2.overall_median_os" },
        { "NR", "subgroup_results.full_cohort.median_by_arm.NR" },
        { "PR", "subgroup_results.full_cohort.median_by_arm.PR" },
        { "PHR", "subgroup_results.full_cohort.median_by_arm.PHR" },
        { "bt-pNET-sHM", "table3.overall_median_os" },
        { "bt-pNET NR", "subgroup_results.bt-pNET-sHM.median_by_arm.NR" },
        { "bt-pNET PR", "subgroup_results.bt-pNET-sHM.median_by_arm.PR" },
        { "bt-pNET PHR", "subgroup_results.bt-pNET-sHM.median_by_arm.PHR" },
        { "hn-pNET-sHM", "subgroup_results.hn-pNET-sHM.median" },
        { "pNEC-sHM", "subgroup_results.pNEC-sHM.median" },
        { "pNEC NR", "subgroup_results.pNEC-sHM.median_by_arm.NR" },
        { "extrahepatic metastasis", "table2.rows[Baseline extrahepatic metastasis].Yes.median" },
    };

    [Theory]
    [MemberData(nameof(Medians))]
    public void Kaplan_meier_medians(string group, string source)
    {
        var data = group switch
        {
            "full cohort" => Final,
            "NR" or "PR" or "PHR" => Final.Where(r => r.Surgery == group),
            "bt-pNET-sHM" => BodyTail,
            "bt-pNET NR" or "bt-pNET PR" or "bt-pNET PHR" => BodyTail.Where(r => r.Surgery == group[8..]),
            "hn-pNET-sHM" => Final.Where(r => r.InHeadNeckPnet),
            "pNEC-sHM" => Final.Where(r => r.InNec),
            "pNEC NR" => Final.Where(r => r.InNec && r.Surgery == "NR"),
            _ => Final.Where(r => r.ExtrahepaticMets),
        };
        var published = source.StartsWith("table2.rows", StringComparison.Ordinal)
            ? Published.Level("table2", "Baseline extrahepatic metastasis", "Yes").GetProperty("median").GetDouble()
            : Published.Number(source.Split('.'));
        if (data.Median() is { } median)
        {
            AssertClose(published, median, Tolerances.LogMedian, $"median OS {group}");
            return;
        }
        // Not reached: the curve must still be near one half at the published median.
        var survival = data.SurvivalAt(published);
        Assert.True(Math.Abs(survival - 0.5) <= Tolerances.SurvivalAtPublishedMedian,
            $"{group}: median not reached and S({published}) = {survival:0.000}");
    }

    /// <summary>Every adjusted effect is significant (P &lt;= 0.05) in the cohort exactly when it is in
    /// the paper, so the paper's conclusions hold on the synthetic data.</summary>
    private static void AssertSameSignificance(double published, double synthetic, string what) =>
        Assert.True(synthetic <= 0.05 == published <= 0.05, $"{what}: adjusted P {synthetic:0.000}, published {published}");

    private static void AssertHazardRatios(string table, Pnen.Stats.Survival.Cox.CoxResult fit)
    {
        foreach (var row in Published.At(table, "rows").EnumerateArray())
        {
            var variable = row.GetProperty("variable").GetString()!;
            foreach (var level in row.GetProperty("levels").EnumerateArray())
            {
                if (!level.TryGetProperty("hr", out var hr) || hr.ValueKind != JsonValueKind.Number) continue;
                var name = level.GetProperty("level").GetString()!;
                var term = fit.Term(variable, name);
                Assert.True(term is { PossiblyInfinite: false }, $"{table} {variable} {name}: no finite estimate");
                AssertClose(hr.GetDouble(), term.HazardRatio, Tolerances.LogHazardRatio, $"{table} {variable} {name}");
                // The adjusted P is printed on the level (grades, surgery) or once for the row.
                var p = level.TryGetProperty("p_adjusted", out var lp) ? lp : row.GetProperty("p_adjusted");
                AssertSameSignificance(Published.PValue(p), term.PValue, $"{table} {variable} {name}");
            }
        }
    }

    private static void AssertClose(double published, double synthetic, double logTolerance, string what) =>
        Assert.True(Math.Abs(Math.Log(synthetic / published)) <= logTolerance,
            $"{what}: synthetic {synthetic:0.000}, published {published:0.000}, |log ratio| {Math.Abs(Math.Log(synthetic / published)):0.000} > {logTolerance}");

    /// <summary>The levels a characteristic takes in a table (those with at least one patient).</summary>
    private static List<string> Levels(JsonElement row) => row.GetProperty("levels").EnumerateArray()
        .Where(l => !l.TryGetProperty("n", out var n) || n.GetInt32() > 0)
        .Select(l => l.GetProperty("level").GetString()!)
        .ToList();
}
