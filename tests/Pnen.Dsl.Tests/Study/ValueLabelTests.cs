using System.Linq.Expressions;
using Pnen.Dsl.Tests.Codebooks;

namespace Pnen.Dsl.Tests.Study;

/// <summary>How a plan's value lambda is read: its id (the typed result's name, as the generator computes it
/// from the same lambda's syntax) and its label (a computed value reads as its expression, never "Value").</summary>
public class ValueLabelTests
{
    private static CharacteristicSpec<LungPatient> Read(Expression<Func<LungPatient, object?>> lambda) => VariableReader<LungPatient>.Read(lambda).Variable;

    [Fact]
    public void AComputedValueReadsAsItsExpressionWithTheCodebooksLabels()
    {
        var log = Read(p => Math.Log(p.Age));
        Assert.Equal("log(Age, y)", log.Label);
        Assert.Equal("Age", log.Id);
        Assert.Equal(CharacteristicKind.Continuous, log.Kind);
        Assert.Equal("log(Age, y)", Assert.IsType<TransformDerivation>(log.Derivation).Describe());
        Assert.Equal("Weight loss in the last six months / 10", Read(p => p.WtLoss / 10).Label);
        Assert.Equal("(Age, y − 60)^2", Read(p => Math.Pow(p.Age - 60, 2)).Label);
    }

    [Fact]
    public void AsGivesTheLabelAndTheId()
    {
        var bmi = Read(p => (p.MealCal / p.Age).As("calories per year of age"));
        Assert.Equal("calories per year of age", bmi.Label);
        Assert.Equal("CaloriesPerYearOfAge", bmi.Id);
    }

    [Fact]
    public void PerUnitAndWithReferenceAreReadNotEvaluated()
    {
        var age = VariableReader<LungPatient>.Read((Expression<Func<LungPatient, object?>>)(p => p.Age.PerUnit(10)));
        Assert.Equal(10, age.PerUnit);
        Assert.Equal("Age", age.Variable.Id);
        var sex = Read(p => p.Sex.WithReference(Sex.Female));
        Assert.Equal("Female", sex.Levels[sex.Reference]);
        Assert.Equal(["Male", "Female"], sex.Levels);
    }

    [Fact]
    public void AValueOfSeveralPropertiesNeedsAName()
    {
        var error = Assert.Throws<ArgumentException>(() => Read(p => p.MealCal / p.Age));
        Assert.Contains(".As(", error.Message, StringComparison.Ordinal);
    }
}
