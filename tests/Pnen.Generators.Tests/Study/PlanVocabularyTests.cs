using System.Reflection;
using Pnen.Dsl;
using Pnen.Shared;

namespace Pnen.Generators.Tests.Study;

/// <summary>
/// The generator reads a plan by the names of Pnen.Dsl's methods and parameters (PlanVocabulary), since
/// it is compiled without the runtime. This pins every one of them to the runtime's public plan API by
/// reflection: renaming a step or a parameter in Pnen.Dsl without the generator fails here, not in a
/// user's study where the generator would silently stop reading it.
/// </summary>
public sealed class PlanVocabularyTests
{
    /// <summary>The types a plan is written with.</summary>
    private static readonly Type[] PlanApi =
    [
        typeof(Pnen.Dsl.Study), typeof(StudyPlan<>), typeof(StudyPlan<,>), typeof(ModelBuilder<>), typeof(EffectBuilder<>),
        typeof(SubgroupBuilder<>), typeof(FlowBuilder<>), typeof(CovariateExtensions), typeof(CutExtensions),
        typeof(WeightingBuilder<,>), typeof(AdjustedCurvesBuilder<>),
    ];

    private static IEnumerable<MethodInfo> Methods => PlanApi.SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly));

    private static IEnumerable<FieldInfo> Vocabulary => typeof(PlanVocabulary).GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral);

    [Fact]
    public void EveryStepTheGeneratorReadsIsAPublicMethodOfThePlanApi()
    {
        var methods = Methods.Select(m => m.Name).ToHashSet();
        var steps = Vocabulary.Where(f => !f.Name.EndsWith("Parameter", StringComparison.Ordinal)).Select(f => (string)f.GetRawConstantValue()!).ToArray();
        Assert.NotEmpty(steps);
        Assert.All(steps, step => Assert.Contains(step, methods));
    }

    [Fact]
    public void EveryParameterTheGeneratorReadsIsAParameterOfThePlanApi()
    {
        var parameters = Methods.SelectMany(m => m.GetParameters()).Select(p => p.Name!).ToHashSet();
        var names = Vocabulary.Where(f => f.Name.EndsWith("Parameter", StringComparison.Ordinal)).Select(f => (string)f.GetRawConstantValue()!).ToArray();
        Assert.NotEmpty(names);
        Assert.All(names, name => Assert.Contains(name, parameters));
    }

    [Theory]
    [InlineData(PlanVocabulary.Model, PlanVocabulary.NameParameter, 0)]
    [InlineData(PlanVocabulary.Model, PlanVocabulary.TiesParameter, 1)]
    [InlineData(PlanVocabulary.Model, PlanVocabulary.ConfigureParameter, 2)]
    [InlineData(PlanVocabulary.Spline, PlanVocabulary.VariableParameter, 0)]
    [InlineData(PlanVocabulary.Spline, PlanVocabulary.DfParameter, 1)]
    [InlineData(PlanVocabulary.Interaction, PlanVocabulary.FirstParameter, 0)]
    [InlineData(PlanVocabulary.Interaction, PlanVocabulary.SecondParameter, 1)]
    [InlineData(PlanVocabulary.Adjust, PlanVocabulary.CovariatesParameter, 0)]
    [InlineData(PlanVocabulary.Stratify, PlanVocabulary.ByParameter, 0)]
    [InlineData(PlanVocabulary.SurvivalAt, PlanVocabulary.TimesParameter, 0)]
    [InlineData(PlanVocabulary.RestrictedMean, PlanVocabulary.TauParameter, 0)]
    [InlineData(PlanVocabulary.Subgroup, PlanVocabulary.NameParameter, 0)]
    [InlineData(PlanVocabulary.Subgroup, PlanVocabulary.WhereParameter, 1)]
    [InlineData(PlanVocabulary.Subgroup, PlanVocabulary.ConfigureParameter, 2)]
    [InlineData(PlanVocabulary.WithinSelection, PlanVocabulary.EffectsParameter, 2)]
    [InlineData(PlanVocabulary.Exclude, PlanVocabulary.ReasonParameter, 0)]
    [InlineData(PlanVocabulary.Exclude, PlanVocabulary.ExcludedParameter, 1)]
    [InlineData(PlanVocabulary.Exposure, PlanVocabulary.ExposureParameter, 0)]
    [InlineData(PlanVocabulary.Exposure, PlanVocabulary.ReferenceParameter, 1)]
    [InlineData(PlanVocabulary.Weighting, PlanVocabulary.WeightingParameter, 0)]
    [InlineData(PlanVocabulary.AdjustedCurves, PlanVocabulary.CurvesParameter, 0)]
    [InlineData(PlanVocabulary.Ate, PlanVocabulary.CovariatesParameter, 0)]
    [InlineData(PlanVocabulary.Att, PlanVocabulary.CovariatesParameter, 0)]
    [InlineData(PlanVocabulary.Truncate, PlanVocabulary.LowerParameter, 0)]
    [InlineData(PlanVocabulary.Truncate, PlanVocabulary.UpperParameter, 1)]
    [InlineData(PlanVocabulary.Bootstrap, PlanVocabulary.ReplicatesParameter, 0)]
    [InlineData(PlanVocabulary.Bootstrap, PlanVocabulary.SeedParameter, 1)]
    public void TheGeneratorFindsEachArgumentWhereTheRuntimeHasIt(string method, string parameter, int position)
    {
        // The generator falls back on the position when a call does not bind (a typo nearby).
        var candidates = Methods.Where(m => m.Name == method).ToArray();
        Assert.NotEmpty(candidates);
        Assert.All(candidates.Where(m => m.GetParameters().Any(p => p.Name == parameter)),
            m => Assert.Equal(position, Array.FindIndex(m.GetParameters(), p => p.Name == parameter)));
    }
}
