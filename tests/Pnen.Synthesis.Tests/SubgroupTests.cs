using Pnen.Stats.Distributions;

namespace Pnen.Synthesis.Tests;

public class SubgroupTests
{
    private static IReadOnlyList<CohortRow> Final => CommittedCohort.Final;

    [Theory]
    [InlineData("bt-pNET-sHM")]
    [InlineData("pNEC-sHM")]
    public void Subgroup_sizes_and_arms(string subgroup)
    {
        var rows = Members(subgroup);
        Assert.Equal(Published.Int("flowchart", "subgroups", subgroup, "n"), rows.Count);
        foreach (var arm in Published.At("flowchart", "subgroups", subgroup, "arms").EnumerateObject())
        {
            Assert.True(arm.Value.GetInt32() == rows.Count(r => r.Surgery == arm.Name), $"{subgroup} {arm.Name}");
        }
    }

    [Fact]
    public void HeadNeck_pnet_has_46_patients_14_phr_and_8_or_9_pr()
    {
        var rows = Members("hn-pNET-sHM");
        Assert.Equal(Published.Int("flowchart", "subgroups", "hn-pNET-sHM", "n"), rows.Count);
        // PHR = all head/neck PHR of Table 1 (no PHR patient is NEC or has extrahepatic metastasis).
        var headNeckPhr = Published.Row("table1", "Location of primary tumor").GetProperty("levels").GetProperty("Head/neck")[2].GetInt32();
        Assert.Equal(headNeckPhr, rows.Count(r => r.Surgery == "PHR"));
        var pr = rows.Count(r => r.Surgery == "PR");
        Assert.InRange(pr, 8, 9); // derived_structure: 8 or 9
        Assert.Equal(SyntheticChoices.HeadNeckPr, pr);
    }

    [Fact]
    public void HeadNeck_unilobar_patients_all_had_phr_with_the_published_chi_square_p()
    {
        var rows = Members("hn-pNET-sHM");
        var unilobar = rows.Where(r => r.HmDistribution == "Unilobar").ToList();
        Assert.Equal(Published.Int("subgroup_results", "hn-pNET-sHM", "unilobar_all_phr"), unilobar.Count);
        Assert.All(unilobar, r => Assert.Equal("PHR", r.Surgery));

        // Pearson chi-square (no continuity correction) of HM distribution by arm, 2 x 3.
        string[] arms = ["NR", "PR", "PHR"];
        var table = new[]
        {
            arms.Select(a => (double)rows.Count(r => r.Surgery == a && r.HmDistribution == "Unilobar")).ToArray(),
            arms.Select(a => (double)rows.Count(r => r.Surgery == a && r.HmDistribution == "Bilobar")).ToArray(),
        };
        var p = ChiSquared.UpperTail(PearsonStatistic(table), 2);
        Assert.Equal(Published.PValue(Published.At("subgroup_results", "hn-pNET-sHM", "unilobar_chisq_p")), Math.Round(p, 3));
    }

    [Fact]
    public void Extrahepatic_metastasis_only_in_nr()
    {
        var yes = Published.Row("table1", "Baseline extrahepatic metastasis").GetProperty("levels").GetProperty("Yes");
        Assert.Equal(yes[0].GetInt32(), Final.Count(r => r.ExtrahepaticMets && r.Surgery == "NR"));
        Assert.Equal(0, yes[1].GetInt32() + yes[2].GetInt32());
        Assert.DoesNotContain(Final, r => r.ExtrahepaticMets && r.Surgery != "NR");
    }

    [Fact]
    public void Phr_is_exactly_the_pnet_subgroups_phr_patients()
    {
        var phr = Final.Where(r => r.Surgery == "PHR").ToList();
        Assert.All(phr, r => Assert.True(r.InBodyTailPnet || r.InHeadNeckPnet, r.Id));
    }

    private static List<CohortRow> Members(string subgroup) => subgroup switch
    {
        "bt-pNET-sHM" => Final.Where(r => r.InBodyTailPnet).ToList(),
        "hn-pNET-sHM" => Final.Where(r => r.InHeadNeckPnet).ToList(),
        "pNEC-sHM" => Final.Where(r => r.InNec).ToList(),
        _ => throw new ArgumentOutOfRangeException(nameof(subgroup)),
    };

    private static double PearsonStatistic(double[][] table)
    {
        var total = table.Sum(r => r.Sum());
        var statistic = 0.0;
        for (var i = 0; i < table.Length; i++)
        {
            for (var j = 0; j < table[i].Length; j++)
            {
                var expected = table[i].Sum() * table.Sum(r => r[j]) / total;
                statistic += Math.Pow(table[i][j] - expected, 2) / expected;
            }
        }
        return statistic;
    }
}
