using System.Collections.Immutable;
using Pnen.Stats.Baseline;

namespace Pnen.Dsl;

/// <summary>The survival outcome: time and event of a record (null = missing). <see cref="Time"/> is in
/// the unit the report uses (<see cref="Unit"/>); with a report unit other than the data's,
/// <see cref="DataTime"/> reads the time as recorded (for messages about the data).</summary>
internal sealed record OutcomeSpec<T>(Func<T, double?> Time, Func<T, bool?> Event, string TimeLabel, string EventLabel, string? Unit)
{
    public Func<T, double?>? DataTime { get; init; }

    /// <summary>The units of the data and of the report, when the plan names them as <see cref="TimeUnit"/>s.</summary>
    public TimeScale? Scale { get; init; }
}

/// <summary>One exclusion step of a flow: the reason, as a flowchart prints it, and who it removes.</summary>
internal sealed record ExclusionSpec<T>(string Reason, Func<T, bool> Excluded);

/// <summary>The part of a plan that exists before the exposure is named.</summary>
internal sealed record PlanCore<T>(
    string Name, string Population, OutcomeSpec<T>? Outcome, int OutcomeDeclarations, ImmutableList<ExclusionSpec<T>> Exclusions,
    ImmutableList<CharacteristicSpec<T>> Strata)
{
    /// <summary>A randomised trial (<c>.Randomised()</c>): Table 1 shows no P values unless asked.</summary>
    public bool Randomised { get; init; }
}

/// <summary>The exposure: the categorical variable whose levels are compared, and the reference level.</summary>
internal sealed record ExposureSpec<T, TX>(CharacteristicSpec<T> Variable, Func<TX, int> CodeOfLevel)
    where TX : notnull
{
    public string Id => Variable.Id;

    public string Label => Variable.Label;

    public IReadOnlyList<string> Levels => Variable.Levels;

    public int Reference => Variable.Reference;

    public VariableDescriptor? Source => Variable.Source;

    public int CodeOf(T record) => Variable.CodeOf(record);
}

/// <summary>
/// When each patient's exposure starts (a time on the outcome's scale; null: never, for the reference
/// level), and whether the main analyses use it (<see cref="Main"/>: the exposure is time-dependent
/// everywhere) or only the immortal-time check does.
/// </summary>
internal sealed record ExposureStartSpec<T>(Func<T, double?> StartsAt, string Label, bool Main);

/// <summary>How the baseline table is built: grouping, tests, and which columns it shows.</summary>
internal sealed record BaselineSpec<T>(
    string ByLabel, IReadOnlyList<string> ByLevels, Func<T, int> ByCode,
    CategoricalTestChoice Categorical, ContinuousTestChoice Continuous, bool PValues, bool StandardisedDifferences)
{
    /// <summary>P values were not asked for or refused: the design decides (none in a randomised trial).</summary>
    public bool PValuesByDesign { get; init; }

    /// <summary>An "Overall" column beside the groups (gtsummary's add_overall).</summary>
    public bool Overall { get; init; } = true;
}

/// <summary>An analysis inside a selection of the cohort (e.g. one arm): effects of characteristics on survival.</summary>
internal sealed record WithinSpec<T>(string Id, string Name, Func<T, bool> Where, ImmutableList<CharacteristicSpec<T>> Effects);

/// <summary>A subgroup: its own exclusions (counted), its selection, and analyses within it.</summary>
internal sealed record SubgroupSpec<T>(string Id, string Name, string? Description, Func<T, bool> Where, ImmutableList<ExclusionSpec<T>> Exclusions, ImmutableList<WithinSpec<T>> Within);
