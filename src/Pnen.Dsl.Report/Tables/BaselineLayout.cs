namespace Pnen.Dsl.Report;

/// <summary>How Table 1 is laid out beyond its groups: an "Overall" column, and which characteristics
/// are yes/no (one row each), from the plan's declaration.</summary>
internal sealed record BaselineLayout(bool Overall, IReadOnlySet<string> YesNo)
{
    public static readonly BaselineLayout Plain = new(false, new HashSet<string>());

    public static BaselineLayout Of(PlanDeclaration plan) => new(
        plan.Baseline?.Overall ?? false,
        plan.Characteristics.Where(c => c.YesNo).Select(c => c.Label).ToHashSet(StringComparer.Ordinal));

    /// <summary>A yes/no row's label: the characteristic's, with its level when that is not "Yes"
    /// ("Obstruction"; "Vital status: Dead").</summary>
    public static string YesNoLabel(string characteristic, string level) =>
        string.Equals(level, "Yes", StringComparison.OrdinalIgnoreCase) ? characteristic : $"{characteristic}: {level}";
}
