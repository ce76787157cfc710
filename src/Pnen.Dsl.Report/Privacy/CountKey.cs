namespace Pnen.Dsl.Report;

/// <summary>
/// Which published count a number is: what it counts (<see cref="Kind"/>), in which cohort and of
/// what, and its value. The same quantity printed in several places (a cohort's size in the flow, a
/// title and a table) has one key, so it is hidden everywhere or nowhere. The value is part of the
/// key: two quantities that share a name but not a value are never taken for one another.
/// </summary>
internal readonly partial record struct CountKey(string Kind, string Cohort, string Item, string Part, int Value)
{
    public static CountKey Recruited(int value) => new("recruited", "", "", "", value);

    public static CountKey Excluded(int step, int value) => new("excluded", "", Step(step), "", value);

    public static CountKey Remaining(int step, int value) => new("remaining", "", Step(step), "", value);

    /// <summary>All exclusions together (the flow diagram's "Excluded" box).</summary>
    public static CountKey ExcludedTotal(int value) => new("excluded-total", "", "", "", value);

    public static CountKey CohortN(string cohort, int value) => new("n", cohort, "", "", value);

    public static CountKey CohortEvents(string cohort, int value) => new("events", cohort, "", "", value);

    /// <summary>Patients at an exposure level (flow, curves, the exposure's univariate row, Table 1's columns).</summary>
    public static CountKey Arm(string cohort, string level, int value) => new("arm", cohort, level, "", value);

    public static CountKey ArmEvents(string cohort, string level, int value) => new("arm-events", cohort, level, "", value);

    public static CountKey SubgroupExcluded(string subgroup, int step, int value) => new("excluded", subgroup, Step(step), "", value);

    public static CountKey SubgroupRemaining(string subgroup, int step, int value) => new("remaining", subgroup, Step(step), "", value);

    public static CountKey NotSelected(string subgroup, int value) => new("not-selected", subgroup, "", "", value);

    /// <summary>Patients with a level of a characteristic (univariate rows, Table 1's overall counts, the forest plot).</summary>
    public static CountKey Level(string cohort, string characteristic, string level, int value) => new("level", cohort, characteristic, level, value);

    public static CountKey LevelEvents(string cohort, string characteristic, string level, int value) => new("level-events", cohort, characteristic, level, value);

    public static CountKey Missing(string cohort, string characteristic, int value) => new("missing", cohort, characteristic, "", value);

    /// <summary>Patients with a known value of a characteristic.</summary>
    public static CountKey Known(string cohort, string characteristic, int value) => new("known", cohort, characteristic, "", value);

    public static CountKey BaselineGroup(string cohort, string group, int value) => new("baseline-group", cohort, group, "", value);

    public static CountKey BaselineCell(string cohort, string characteristic, string level, string group, int value) => new("baseline-cell", cohort, characteristic, level + "\u001f" + group, value);

    public static CountKey BaselineMissing(string cohort, string characteristic, string group, int value) => new("baseline-missing", cohort, characteristic, group, value);

    /// <summary>Patients of a group with a known value of a continuous characteristic.</summary>
    public static CountKey BaselineKnown(string cohort, string characteristic, string group, int value) => new("baseline-known", cohort, characteristic, group, value);

    /// <summary>Records a model analysed (complete cases), left out, and their events; <paramref name="model"/> is its id.</summary>
    public static CountKey ModelN(string cohort, string model, int value) => new("model-n", cohort, model, "", value);

    public static CountKey ModelEvents(string cohort, string model, int value) => new("model-events", cohort, model, "", value);

    public static CountKey ModelDropped(string cohort, string model, int value) => new("model-dropped", cohort, model, "", value);

    /// <summary>Records a cohort's stratified analyses left out for a missing stratum.</summary>
    public static CountKey StrataMissing(string cohort, int value) => new("strata-missing", cohort, "", "", value);

    public static CountKey WithinN(string cohort, string within, int value) => new("within-n", cohort, within, "", value);

    public static CountKey WithinEvents(string cohort, string within, int value) => new("within-events", cohort, within, "", value);

    public static CountKey WithinLevel(string cohort, string within, string characteristic, string level, int value) =>
        new("within-level", cohort, within + "\u001f" + characteristic, level, value);

    public static CountKey WithinLevelEvents(string cohort, string within, string characteristic, string level, int value) =>
        new("within-level-events", cohort, within + "\u001f" + characteristic, level, value);

    public static CountKey WithinMissing(string cohort, string within, string characteristic, int value) =>
        new("within-missing", cohort, within + "\u001f" + characteristic, "", value);

    /// <summary>Patients a cohort's time-dependent analyses left out, or analysed as never exposed.</summary>
    public static CountKey WithoutStart(string cohort, int value) => new("without-start", cohort, "", "", value);

    public static CountKey StartsAfterFollowUp(string cohort, int value) => new("starts-after-follow-up", cohort, "", "", value);

    private static string Step(int step) => step.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
