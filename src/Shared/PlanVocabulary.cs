namespace Pnen.Shared;

/// <summary>
/// The plan's vocabulary: every Pnen.Dsl method and parameter name the source generator and its
/// analyzers read from a plan's syntax. The generator is compiled without the runtime, so it cannot
/// name these members with nameof; a test in Pnen.Generators.Tests checks by reflection that every
/// name here is a method or parameter of Pnen.Dsl's public plan API, so renaming one in the runtime
/// without the generator fails the build's tests rather than a user's study.
/// </summary>
internal static class PlanVocabulary
{
    // Steps of StudyPlan<T> and StudyPlan<T, TX>.
    public const string Of = "Of";
    public const string Population = "Population";
    public const string Survival = "Survival";
    public const string Exclude = "Exclude";
    public const string Flow = "Flow";
    public const string Stratify = "Stratify";
    public const string Exposure = "Exposure";
    public const string Characteristic = "Characteristic";
    public const string BaselineTable = "BaselineTable";
    public const string Univariate = "Univariate";
    public const string Model = "Model";
    public const string SurvivalAt = "SurvivalAt";
    public const string RestrictedMean = "RestrictedMean";
    public const string ImmortalTime = "ImmortalTime";
    public const string Landmark = "Landmark";
    public const string Subgroup = "Subgroup";
    public const string WithinSelection = "WithinSelection";
    public const string Weighting = "Weighting";
    public const string AdjustedCurves = "AdjustedCurves";

    // Steps of ModelBuilder<T>, EffectBuilder<T>, SubgroupBuilder<T> and FlowBuilder<T>.
    public const string Adjust = "Adjust";
    public const string Spline = "Spline";
    public const string Interaction = "Interaction";
    public const string Screen = "Screen";
    public const string Firth = "Firth";
    public const string Cluster = "Cluster";
    public const string Effect = "Effect";

    // Steps of WeightingBuilder<T, TX> and AdjustedCurvesBuilder<T> (the latter also reads Model, Adjust,
    // SurvivalAt and RestrictedMean, with the same parameters as the plan's own steps of those names).
    public const string Ate = "Ate";
    public const string Att = "Att";
    public const string Focal = "Focal";
    public const string Stabilized = "Stabilized";
    public const string Truncate = "Truncate";
    public const string Bootstrap = "Bootstrap";

    // Value forms inside lambdas.
    public const string Below = "Below";
    public const string AtMost = "AtMost";
    public const string PerUnit = "PerUnit";
    public const string WithReference = "WithReference";
    public const string As = "As";

    // Parameters.
    public const string ExposureParameter = "exposure";
    public const string ReferenceParameter = "reference";
    public const string LabelParameter = "label";
    public const string NameParameter = "name";
    public const string ReferenceIsYesParameter = "referenceIsYes";
    public const string ByParameter = "by";
    public const string WhereParameter = "where";
    public const string ConfigureParameter = "configure";
    public const string DescriptionParameter = "description";
    public const string ReasonParameter = "reason";
    public const string ExcludedParameter = "excluded";
    public const string EffectsParameter = "effects";
    public const string FlowParameter = "flow";
    public const string TiesParameter = "ties";
    public const string CovariatesParameter = "covariates";
    public const string VariableParameter = "variable";
    public const string DfParameter = "df";
    public const string FirstParameter = "first";
    public const string SecondParameter = "second";
    public const string TimesParameter = "times";
    public const string TauParameter = "tau";
    public const string StartsAtParameter = "startsAt";
    public const string ThresholdParameter = "threshold";
    public const string UnitsParameter = "units";
    public const string WeightingParameter = "weighting";
    public const string CurvesParameter = "curves";
    public const string LowerParameter = "lower";
    public const string UpperParameter = "upper";
    public const string LevelParameter = "level";
    public const string ReplicatesParameter = "replicates";
    public const string SeedParameter = "seed";
}
