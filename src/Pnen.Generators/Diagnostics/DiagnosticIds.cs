namespace Pnen.Generators.Diagnostics;

/// <summary>Stable diagnostic IDs. PNEN001-PNEN019 are the codebook's; the study DSL starts at PNEN020.
/// An ID is never reused for another meaning, even after its rule is removed.</summary>
internal static class DiagnosticIds
{
    public const string NotPartial = "PNEN001";
    public const string UnsupportedType = "PNEN002";
    public const string DuplicateColumn = "PNEN003";
    public const string EmptyEnum = "PNEN004";
    public const string TimeNotNumeric = "PNEN005";
    public const string EventNotBoolean = "PNEN006";
    public const string SecondTime = "PNEN007";
    public const string SecondEvent = "PNEN008";
    public const string SecondId = "PNEN009";
    public const string IdNotString = "PNEN010";
    public const string ConflictingRoles = "PNEN011";
    public const string InvalidRange = "PNEN012";
    public const string AmbiguousLevel = "PNEN013";
    public const string NotTopLevel = "PNEN014";
    public const string NoConstructor = "PNEN015";
    public const string InvalidColumnName = "PNEN016";
    public const string NotSettable = "PNEN017";
    public const string NoVariables = "PNEN018";

    // The study DSL ([Study] classes and their plans).
    public const string StudyNotStaticPartial = "PNEN020";
    public const string StudyNotTopLevel = "PNEN021";
    public const string MissingPlan = "PNEN022";
    public const string PlanWithoutExposure = "PNEN023";
    public const string ExposureNotCategorical = "PNEN024";
    public const string GroupingNotCategorical = "PNEN025";
    public const string DuplicateSubgroup = "PNEN026";
    public const string DuplicateExclusion = "PNEN027";
    public const string DuplicateSelection = "PNEN028";
    public const string ReferenceExcluded = "PNEN029";
    public const string CutOutsideRange = "PNEN030";
    public const string NonDeterministicCall = "PNEN031";
    public const string SecondOutcome = "PNEN032";
    public const string NoOutcome = "PNEN033";
    public const string SubgroupNameNotConstant = "PNEN035";
    public const string SubgroupPropertyCollision = "PNEN036";
    public const string SubgroupPropertyEmpty = "PNEN037";
    public const string PlanNotReadable = "PNEN038";
    public const string DuplicateCharacteristic = "PNEN039";

    // Models, strata and times (plan language v2).
    public const string DuplicateModel = "PNEN040";
    public const string AdjustForExposure = "PNEN041";
    public const string DuplicateModelTerm = "PNEN042";
    public const string StrataNotCategorical = "PNEN043";
    public const string StratifyByExposure = "PNEN044";
    public const string InteractionNotInModel = "PNEN045";
    public const string SplineDf = "PNEN046";
    public const string ModelWithoutExposure = "PNEN047";
    public const string ScreenedModel = "PNEN048";
    public const string ModelName = "PNEN049";
    public const string CharacteristicIdCollision = "PNEN050";
    public const string ValueNeedsName = "PNEN051";
    public const string InvalidTime = "PNEN052";
    public const string ScreenAndAdjust = "PNEN053";
    public const string InvalidInteraction = "PNEN054";
    public const string NotAVariable = "PNEN055";
    public const string PerUnitNotPositive = "PNEN056";

    // Model checking: Firth's method and robust variances.
    public const string FirthTies = "PNEN057";
    public const string FirthStrata = "PNEN058";
    public const string FirthTerm = "PNEN059";
    public const string InvalidCluster = "PNEN060";
    // Confounding by indication: propensity-score weighting and adjusted curves (from PNEN070).
    public const string WeightingByExposure = "PNEN070";
    public const string AttWithoutFocal = "PNEN071";
    public const string TruncationOutOfRange = "PNEN072";
    public const string BootstrapNotDeterministic = "PNEN073";
    public const string AdjustedCurvesWithoutTimes = "PNEN074";
    public const string AdjustedCurvesSource = "PNEN075";
    public const string InvalidWeighting = "PNEN076";

    // Immortal time (time-dependent exposure, landmarks).
    public const string LandmarkWithoutStart = "PNEN080";
    public const string RestrictedMeanOfTimeDependentExposure = "PNEN081";
    public const string StartDeclaredTwice = "PNEN082";
}
