using Pnen.Dsl.Tests.Codebooks;

namespace Pnen.Dsl.Tests.Study;

/// <summary>
/// What a model's fitting allows, refused when the plan is built (the analyzers report the same at
/// compile time, PNEN057-PNEN060): Firth's method (coxphf) has Breslow ties, no strata, no joint
/// likelihood-ratio tests of splines or interactions and no robust variance; a cluster is categorical,
/// once per model. These plans are built at run time, where the analyzers do not see them.
/// </summary>
public class FittingRulesTests
{
    private static StudyPlan<LungCentrePatient, Sex> Plan => Dsl.Study.Of<LungCentrePatient>("rules")
        .Survival(p => p.Time, p => p.Died)
        .Exposure(p => p.Sex, reference: Sex.Male);

    [Fact]
    public void FirthTakesBreslowTiesOnly()
    {
        var error = Assert.Throws<ArgumentException>(() => Plan.Model("F", Cox.Efron, m => m.Firth()));
        Assert.Contains("Breslow", error.Message, StringComparison.Ordinal);
        Assert.True(Plan.Model("F", Cox.Breslow, m => m.Firth()).Declaration.Models[0].Firth);
    }

    [Fact]
    public void FirthTakesNoStrataOfTheModelOrThePlan()
    {
        Assert.Throws<ArgumentException>(() => Plan.Model("F", Cox.Breslow, m => m.Firth().Stratify(p => p.PhEcog.AtMost(1, "0-1", "2-3"))));
        Assert.Throws<ArgumentException>(() => Plan.Stratify(p => p.PhEcog.AtMost(1, "0-1", "2-3")).Model("F", Cox.Breslow, m => m.Firth()));
        // Plan strata declared after the Firth model would stratify it too.
        Assert.Throws<ArgumentException>(() => Plan.Model("F", Cox.Breslow, m => m.Firth()).Stratify(p => p.PhEcog.AtMost(1, "0-1", "2-3")));
    }

    [Fact]
    public void FirthTakesNoTimeDependentExposure()
    {
        var timeDependent = Dsl.Study.Of<LungCentrePatient>("rules").Survival(p => p.Time, p => p.Died).Exposure(p => p.Sex, Sex.Male, startsAt: p => p.WtLoss);
        var error = Assert.Throws<ArgumentException>(() => timeDependent.Model("F", Cox.Breslow, m => m.Firth()));
        Assert.Contains("(start, stop] rows", error.Message, StringComparison.Ordinal);
        // The immortal-time check alone leaves the main analyses right-censored: allowed.
        Assert.True(Plan.ImmortalTime(p => p.WtLoss).Model("F", Cox.Breslow, m => m.Firth()).Declaration.Models[0].Firth);
    }

    [Fact]
    public void TheImmortalTimeChecksIntervalRefitOfAFirthModelIsTheOrdinaryFitWithANote()
    {
        var plan = Dsl.Study.Of<MyeloidPatient>("rules").Survival(p => p.Days, p => p.Died)
            .Exposure(p => p.Transplanted, reference: false)
            .ImmortalTime(p => p.DaysToTransplant)
            .Model("Penalised", Cox.Breslow, m => m.Firth());
        var cohort = plan.Execute(Codebook.Load<MyeloidPatient>(Path.Combine(AppContext.BaseDirectory, "TestData", "cox-core", "myeloid.csv"))).Cohort;
        Assert.True(cohort.Models[0].IsFirth);
        Assert.NotNull(cohort.Models[0].ProportionalHazards);
        var refit = cohort.ImmortalTime!.TimeDependent[0];
        Assert.False(refit.IsFirth);
        Assert.Null(refit.ProportionalHazards);
        Assert.Null(refit.Concordance);
        Assert.Contains(refit.Notes, n => n.Describe().Contains("which Firth's method (as coxphf) does not take", StringComparison.Ordinal));
    }

    [Fact]
    public void FirthTakesNoSplineInteractionOrCluster()
    {
        Assert.Throws<ArgumentException>(() => Plan.Model("F", Cox.Breslow, m => m.Firth().Spline(p => p.PhKarno, 3)));
        Assert.Throws<ArgumentException>(() => Plan.Model("F", Cox.Breslow, m => m.Firth().Adjust(p => p.PhEcog.AtMost(1, "0-1", "2-3")).Interaction(p => p.Sex, p => p.PhEcog)));
        Assert.Throws<ArgumentException>(() => Plan.Model("F", Cox.Breslow, m => m.Firth().Cluster(p => p.Institution)));
    }

    [Fact]
    public void AClusterIsOneCategoricalVariable()
    {
        var error = Assert.Throws<ArgumentException>(() => Plan.Model("C", Cox.Efron, m => m.Cluster(p => p.Age)));
        Assert.Contains("categorical", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => Plan.Model("C", Cox.Efron, m => m.Cluster(p => p.Institution).Cluster(p => p.PhEcog.AtMost(1, "0-1", "2-3"))));
        var declared = Plan.Model("C", Cox.Efron, m => m.Cluster(p => p.Institution)).Declaration.Models[0];
        Assert.Equal("Institution", declared.Cluster!.Id);
        Assert.False(declared.Firth);
    }

    [Fact]
    public void FirthAndClusterChangeTheFingerprintOnlyWhenDeclared()
    {
        var plain = PlanDescription.Describe(Plan.Model("M", Cox.Breslow));
        Assert.DoesNotContain("firth", plain, StringComparison.Ordinal);
        Assert.DoesNotContain("cluster", plain, StringComparison.Ordinal);
        Assert.NotEqual(PlanDescription.Fingerprint(Plan.Model("M", Cox.Breslow)), PlanDescription.Fingerprint(Plan.Model("M", Cox.Breslow, m => m.Firth())));
        Assert.NotEqual(PlanDescription.Fingerprint(Plan.Model("M", Cox.Breslow)), PlanDescription.Fingerprint(Plan.Model("M", Cox.Breslow, m => m.Cluster(p => p.Institution))));
    }
}
