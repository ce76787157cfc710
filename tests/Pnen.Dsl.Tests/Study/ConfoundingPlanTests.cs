using Pnen.Dsl.Tests.Codebooks;
using Pnen.Stats.Weighting;

namespace Pnen.Dsl.Tests.Study;

/// <summary>
/// The runtime's own checks of .Weighting and .AdjustedCurves (the analyzer reports the same mistakes at
/// compile time, PNEN070-PNEN076), the declarations they make, and the fingerprint that changes with them.
/// </summary>
public class ConfoundingPlanTests
{
    private static StudyPlan<SyntheticPatient, SyntheticSurgery> Base => Dsl.Study.Of<SyntheticPatient>("checks")
        .Survival(p => p.OsMonths, p => p.Died)
        .Exposure(p => p.Surgery, reference: SyntheticSurgery.NR)
        .Model("Adjusted", Cox.Breslow, m => m.Adjust(p => p.Age, p => p.Sex));

    [Fact]
    public void MistakesInTheWeightingAreRefusedWhenThePlanIsBuilt()
    {
        Assert.Throws<ArgumentException>(() => Base.Weighting(w => w.Ate(p => p.Age, p => p.Surgery)));
        Assert.Throws<ArgumentException>(() => Base.Weighting(w => w.Att(p => p.Age)));
        Assert.Throws<ArgumentException>(() => Base.Weighting(w => w.Ate(p => p.Age).Focal(SyntheticSurgery.PHR)));
        Assert.Throws<ArgumentException>(() => Base.Weighting(w => w.Stabilized()));
        Assert.Throws<ArgumentException>(() => Base.Weighting(w => w.Ate(p => p.Age, p => p.Age)));
        Assert.Throws<ArgumentException>(() => Base.Weighting(w => w.Ate(p => p.Age).Att(p => p.Sex)));
        Assert.Throws<ArgumentOutOfRangeException>(() => Base.Weighting(w => w.Ate(p => p.Age).Truncate(0.5, 0.99)));
        Assert.Throws<ArgumentOutOfRangeException>(() => Base.Weighting(w => w.Ate(p => p.Age).Truncate(0.01, 1)));
        Assert.Throws<ArgumentException>(() => Base.Weighting(w => w.Ate(p => p.Age)).Weighting(w => w.Ate(p => p.Sex)));
    }

    [Fact]
    public void MistakesInTheAdjustedCurvesAreRefusedWhenThePlanIsBuilt()
    {
        Assert.Throws<ArgumentException>(() => Base.AdjustedCurves(c => c.Model("Missing").SurvivalAt(12)));
        Assert.Throws<ArgumentException>(() => Base.AdjustedCurves(c => c.Model("Adjusted").Adjust(p => p.Age).SurvivalAt(12)));
        Assert.Throws<ArgumentException>(() => Base.AdjustedCurves(c => c.SurvivalAt(12)));
        Assert.Throws<ArgumentException>(() => Base.AdjustedCurves(c => c.Model("Adjusted")));
        Assert.Throws<ArgumentException>(() => Base.AdjustedCurves(c => c.Adjust(p => p.Surgery).SurvivalAt(12)));
        Assert.Throws<ArgumentNullException>(() => Base.AdjustedCurves(c => c.Model("Adjusted").SurvivalAt(12).Bootstrap(200)));
        Assert.Throws<ArgumentOutOfRangeException>(() => Base.AdjustedCurves(c => c.Model("Adjusted").SurvivalAt(12).Bootstrap(1, seed: 1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => Base.AdjustedCurves(c => c.Model("Adjusted").SurvivalAt(-1)));
        var spline = Base.Model("Spline", Cox.Efron, m => m.Spline(p => p.Age, df: 3));
        Assert.Throws<ArgumentException>(() => spline.AdjustedCurves(c => c.Model("Spline").SurvivalAt(12)));
    }

    [Fact]
    public void ATimeDependentExposureIsNeitherWeightedNorStandardised()
    {
        var timeDependent = Dsl.Study.Of<SyntheticPatient>("time-dependent")
            .Survival(p => p.OsMonths, p => p.Died)
            .Exposure(p => p.Surgery, reference: SyntheticSurgery.NR, startsAt: p => p.OsMonths / 2);
        Assert.Throws<ArgumentException>(() => timeDependent.Weighting(w => w.Ate(p => p.Age)));
        Assert.Throws<ArgumentException>(() => timeDependent.AdjustedCurves(c => c.Adjust(p => p.Age).SurvivalAt(12)));
    }

    [Fact]
    public void TheDeclarationSaysWhatWasDeclaredAndTheFingerprintChangesWithIt()
    {
        var plan = Base
            .Weighting(w => w.Att(p => p.Age, p => p.Grade).Focal(SyntheticSurgery.PHR).Stabilized().Truncate(0.05, 0.9))
            .AdjustedCurves(c => c.Model("Adjusted").SurvivalAt(36, 12).RestrictedMean(60).Bootstrap(50, seed: 3));
        var weighting = plan.Declaration.Weighting!;
        Assert.Equal(Estimand.Att, weighting.Estimand);
        Assert.Equal("PHR", weighting.Focal);
        Assert.True(weighting.Stabilized);
        Assert.Equal((0.05, 0.9), (weighting.TruncateLower!.Value, weighting.TruncateUpper!.Value));
        Assert.Equal(["Age", "Grade"], weighting.Covariates.Select(c => c.Id));
        var curves = plan.Declaration.AdjustedCurves!;
        Assert.Equal("Adjusted", curves.ModelId);
        Assert.Equal(Stats.Survival.Cox.CoxTies.Breslow, curves.Ties);
        Assert.Equal([12.0, 36.0], curves.Times);
        Assert.Equal((50, 3), (curves.Bootstrap, curves.Seed!.Value));
        Assert.Equal(["Age", "Sex"], curves.Covariates.Select(c => c.Id));

        var fingerprints = new[]
        {
            PlanDescription.Fingerprint(Base),
            PlanDescription.Fingerprint(plan),
            PlanDescription.Fingerprint(Base.Weighting(w => w.Att(p => p.Age, p => p.Grade).Focal(SyntheticSurgery.PHR).Stabilized().Truncate(0.05, 0.9))),
            PlanDescription.Fingerprint(plan with { }),
        };
        Assert.Equal(3, fingerprints.Distinct().Count());
        Assert.Equal(fingerprints[1], fingerprints[3]);
        Assert.Null(Base.Declaration.Weighting);
    }
}
