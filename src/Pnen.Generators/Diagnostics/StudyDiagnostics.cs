using Microsoft.CodeAnalysis;

namespace Pnen.Generators.Diagnostics;

/// <summary>
/// The catalog of study diagnostics: plan mistakes the C# compiler cannot see, because the plan is
/// valid C# that only fails (or silently misleads) when it runs. Messages say what is wrong and what
/// to write instead.
/// </summary>
internal static class StudyDiagnostics
{
    private const string Category = "Pnen.Study";

    public static readonly DiagnosticDescriptor NotStaticPartial = Error(DiagnosticIds.StudyNotStaticPartial,
        "Study class must be static partial",
        "The study '{0}' must be declared static partial so that Execute, RunAsync and its typed results can be generated");

    public static readonly DiagnosticDescriptor NotTopLevel = Error(DiagnosticIds.StudyNotTopLevel,
        "Study class must be a top-level, non-generic class",
        "The study '{0}' must be a non-generic class declared directly in a namespace");

    public static readonly DiagnosticDescriptor MissingPlan = Error(DiagnosticIds.MissingPlan,
        "Study without a plan",
        "The study '{0}' has no static property Plan; declare one: public static StudyPlan<TRecord, TExposure> Plan => Study.Of<TRecord>()...");

    public static readonly DiagnosticDescriptor PlanWithoutExposure = Error(DiagnosticIds.PlanWithoutExposure,
        "Plan is not a StudyPlan<TRecord, TExposure>",
        "The Plan of '{0}' has type '{1}'; it must be StudyPlan<TRecord, TExposure>, the plan once .Exposure(...) is declared");

    public static readonly DiagnosticDescriptor ExposureNotCategorical = Error(DiagnosticIds.ExposureNotCategorical,
        "Exposure is not categorical",
        "The exposure has type '{0}'; it must be an enum or bool, not nullable (the exposure is never missing)");

    public static readonly DiagnosticDescriptor GroupingNotCategorical = Error(DiagnosticIds.GroupingNotCategorical,
        "Baseline table grouping is not categorical",
        "The baseline table is grouped by a value of type '{0}'; it must be an enum or bool, not nullable");

    public static readonly DiagnosticDescriptor DuplicateSubgroup = Error(DiagnosticIds.DuplicateSubgroup,
        "Duplicate subgroup",
        "The subgroup '{0}' is declared twice; give each subgroup a name of its own");

    public static readonly DiagnosticDescriptor DuplicateExclusion = Error(DiagnosticIds.DuplicateExclusion,
        "Duplicate exclusion",
        "The exclusion '{0}' is declared twice in {1}; a flowchart counts each reason once");

    public static readonly DiagnosticDescriptor DuplicateSelection = Error(DiagnosticIds.DuplicateSelection,
        "Duplicate analysis within a selection",
        "The analysis within a selection '{0}' is declared twice in {1}");

    public static readonly DiagnosticDescriptor ReferenceExcluded = Error(DiagnosticIds.ReferenceExcluded,
        "Reference level removed by the plan",
        "The reference level '{0}' of {1} is removed by {2}, so no record is left to compare the other levels with");

    public static readonly DiagnosticDescriptor CutOutsideRange = Error(DiagnosticIds.CutOutsideRange,
        "Cut point outside the declared range",
        "The cut of '{0}' at {1} leaves the level '{2}' empty: its declared range is [{3}, {4}]");

    public static readonly DiagnosticDescriptor NonDeterministicCall = Error(DiagnosticIds.NonDeterministicCall,
        "Non-deterministic call in a plan",
        "The plan uses '{0}' ({1}), so it could give another result on another run; put such values in the data instead");

    public static readonly DiagnosticDescriptor SecondOutcome = Error(DiagnosticIds.SecondOutcome,
        "Survival outcome declared twice",
        "The plan already declares its survival outcome; a plan has one .Survival(time, event)");

    public static readonly DiagnosticDescriptor NoOutcome = Error(DiagnosticIds.NoOutcome,
        "No survival outcome",
        "The plan of '{0}' declares no survival outcome; add .Survival(p => p.Time, p => p.Event)");

    public static readonly DiagnosticDescriptor SubgroupNameNotConstant = Error(DiagnosticIds.SubgroupNameNotConstant,
        "Subgroup name is not a constant",
        "A subgroup's name must be a string literal or constant, so that its typed result property can be generated");

    public static readonly DiagnosticDescriptor SubgroupPropertyCollision = Error(DiagnosticIds.SubgroupPropertyCollision,
        "Two subgroups make the same property",
        "The subgroup '{0}' would be the typed result property '{1}', which {2}; rename the subgroup");

    public static readonly DiagnosticDescriptor SubgroupPropertyEmpty = Error(DiagnosticIds.SubgroupPropertyEmpty,
        "Subgroup name makes no property",
        "The subgroup '{0}' has no letter or digit, so it cannot be a property of the typed results");

    public static readonly DiagnosticDescriptor PlanNotReadable = new(DiagnosticIds.PlanNotReadable,
        "Plan not fully readable at compile time",
        "{0}: the generator cannot see what it adds to the plan, so subgroups it adds get no typed property and the plan is checked only in part",
        Category, DiagnosticSeverity.Warning, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor DuplicateCharacteristic = Error(DiagnosticIds.DuplicateCharacteristic,
        "Two characteristics with one label",
        "Two characteristics are labelled '{0}'; give one a label of its own (tables and the model name them by label)");

    public static readonly DiagnosticDescriptor DuplicateModel = Error(DiagnosticIds.DuplicateModel,
        "Two models with one name",
        "The model '{0}' is declared twice; give each model a name of its own (tables and typed results name models by it)");

    public static readonly DiagnosticDescriptor AdjustForExposure = Error(DiagnosticIds.AdjustForExposure,
        "Model adjusts for its exposure",
        "The model '{0}' adjusts for {1}, its own exposure; the exposure is in every model already");

    public static readonly DiagnosticDescriptor DuplicateModelTerm = Error(DiagnosticIds.DuplicateModelTerm,
        "Variable twice in a model",
        "{0} is in the model '{1}' twice; enter each variable once (as a number, a category or a spline)");

    public static readonly DiagnosticDescriptor StrataNotCategorical = Error(DiagnosticIds.StrataNotCategorical,
        "Strata of a number",
        "Strata are the levels of a categorical variable (an enum, a bool or a cut); {0} is {1}");

    public static readonly DiagnosticDescriptor StratifyByExposure = Error(DiagnosticIds.StratifyByExposure,
        "Stratified by the exposure",
        "{0} is stratified by the exposure {1}: its effect would vanish into the baseline hazards; stratify by another variable");

    public static readonly DiagnosticDescriptor InteractionNotInModel = Error(DiagnosticIds.InteractionNotInModel,
        "Interaction with a variable the model does not hold",
        "The model '{0}' has an interaction with {1}, which it does not hold; adjust for {1} too (an interaction needs its main effects)");

    public static readonly DiagnosticDescriptor SplineDf = Error(DiagnosticIds.SplineDf,
        "Spline degrees of freedom out of range",
        "A spline has 2 to 10 degrees of freedom (a constant); {0} is not");

    public static readonly DiagnosticDescriptor ModelWithoutExposure = Error(DiagnosticIds.ModelWithoutExposure,
        "Model before the exposure",
        "A model estimates the exposure's effect: declare .Exposure(...) before .Model(...)");

    public static readonly DiagnosticDescriptor ScreenedModel = new(DiagnosticIds.ScreenedModel,
        "Covariates chosen by P-value screening",
        "The model '{0}' chooses its covariates by univariate P values, which biases its estimates and P values; prefer a set chosen in advance (.Adjust(...)), and keep screening for reproducing published work",
        Category, DiagnosticSeverity.Warning, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor ModelName = Error(DiagnosticIds.ModelName,
        "Model name makes no property",
        "The model name {0}; a model's name must be a constant with a letter or digit, unique as a property of the typed results");

    public static readonly DiagnosticDescriptor CharacteristicIdCollision = Error(DiagnosticIds.CharacteristicIdCollision,
        "Two characteristics make the same property",
        "Two characteristics would both be the typed result '{0}'; give one a name of its own (name: \"...\")");

    public static readonly DiagnosticDescriptor ValueNeedsName = Error(DiagnosticIds.ValueNeedsName,
        "Computed value without a name",
        "This value reads {0} of the record, so it has no name of its own; label it with .As(\"label\") (a constant)");

    public static readonly DiagnosticDescriptor InvalidTime = Error(DiagnosticIds.InvalidTime,
        "Invalid time",
        "{0} takes positive, distinct constant times; {1} is not one");

    public static readonly DiagnosticDescriptor ScreenAndAdjust = Error(DiagnosticIds.ScreenAndAdjust,
        "Model both screens and adjusts",
        "The model '{0}' both screens and adjusts; a screened model takes its covariates from the screen, so use one or the other");

    public static readonly DiagnosticDescriptor InvalidInteraction = Error(DiagnosticIds.InvalidInteraction,
        "Invalid interaction",
        "The interaction of {0} and {1} in the model '{2}' {3}");

    public static readonly DiagnosticDescriptor NotAVariable = Error(DiagnosticIds.NotAVariable,
        "Not a variable a model can use",
        "{0} is of type '{1}'; a model term or stratum is an enum, a bool, a cut or a number");

    public static readonly DiagnosticDescriptor PerUnitNotPositive = Error(DiagnosticIds.PerUnitNotPositive,
        "Units not positive",
        ".PerUnit takes a positive constant number of units; {0} is not one");

    public static readonly DiagnosticDescriptor FirthTies = Error(DiagnosticIds.FirthTies,
        "Firth model with Efron ties",
        "The model '{0}' is fitted by Firth's method, which uses Breslow ties (as coxphf); declare it with Cox.Breslow");

    public static readonly DiagnosticDescriptor FirthStrata = Error(DiagnosticIds.FirthStrata,
        "Firth model with strata",
        "The model '{0}' is fitted by Firth's method, which has no strata (as coxphf), but {1} stratifies it; leave out .Firth() or the strata");

    public static readonly DiagnosticDescriptor FirthTerm = Error(DiagnosticIds.FirthTerm,
        "Firth model with a term it does not take",
        "The model '{0}' is fitted by Firth's method, which does not take {1}");

    public static readonly DiagnosticDescriptor InvalidCluster = Error(DiagnosticIds.InvalidCluster,
        "Invalid cluster",
        "{0} cannot cluster the model '{1}': {2}");

    public static readonly DiagnosticDescriptor LandmarkWithoutStart = Error(DiagnosticIds.LandmarkWithoutStart,
        "Landmark without the exposure's start",
        "A landmark analysis classes patients by their exposure at the landmark, so it needs to know when the exposure starts: declare startsAt: on .Exposure, or .ImmortalTime(p => ...), before .Landmark");

    public static readonly DiagnosticDescriptor RestrictedMeanOfTimeDependentExposure = Error(DiagnosticIds.RestrictedMeanOfTimeDependentExposure,
        "Restricted mean of a time-dependent exposure",
        "A restricted mean is a group's mean survival, and a time-dependent exposure has no fixed groups (patients move between levels); report survival at fixed times, or check immortal time with .ImmortalTime instead of startsAt:");

    public static readonly DiagnosticDescriptor StartDeclaredTwice = Error(DiagnosticIds.StartDeclaredTwice,
        "Exposure start declared twice",
        "When the exposure starts is declared already; declare it once (startsAt: on .Exposure for time-dependent analyses, or .ImmortalTime for the check alone)");

    public static readonly DiagnosticDescriptor WeightingByExposure = Error(DiagnosticIds.WeightingByExposure,
        "Weighted or standardised by the exposure",
        "{0} holds {1}, the exposure itself; name the covariates that decided the exposure, not the exposure");

    public static readonly DiagnosticDescriptor AttWithoutFocal = Error(DiagnosticIds.AttWithoutFocal,
        "ATT of three or more levels without a focal level",
        "The ATT of {0}, which has {1} levels, needs .Focal(level): the level whose patients are the target population");

    public static readonly DiagnosticDescriptor TruncationOutOfRange = Error(DiagnosticIds.TruncationOutOfRange,
        "Truncation quantile out of range",
        "Weights are truncated at a lower quantile in (0, 0.5) and an upper one in (0.5, 1), both constants; {0} is not one");

    public static readonly DiagnosticDescriptor BootstrapNotDeterministic = Error(DiagnosticIds.BootstrapNotDeterministic,
        "Bootstrap without a seed or with too few replicates",
        "The bootstrap {0}; a report must be the same every run, so a bootstrap takes a seed and at least 2 replicates (a constant; 200 or more for percentile intervals)");

    public static readonly DiagnosticDescriptor AdjustedCurvesWithoutTimes = Error(DiagnosticIds.AdjustedCurvesWithoutTimes,
        "Adjusted curves without times",
        "Adjusted curves need the times of their absolute effects: add .SurvivalAt(times...), .RestrictedMean(tau), or both");

    public static readonly DiagnosticDescriptor AdjustedCurvesSource = Error(DiagnosticIds.AdjustedCurvesSource,
        "Adjusted curves without a model they can use",
        "The adjusted curves {0}");

    public static readonly DiagnosticDescriptor InvalidWeighting = Error(DiagnosticIds.InvalidWeighting,
        "Invalid weighting",
        "The weighting {0}");

    private static DiagnosticDescriptor Error(string id, string title, string message) =>
        new(id, title, message, Category, DiagnosticSeverity.Error, isEnabledByDefault: true);
}
