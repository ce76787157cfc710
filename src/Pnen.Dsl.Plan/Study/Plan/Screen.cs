using System.Globalization;

namespace Pnen.Dsl;

/// <summary>
/// How a screened model chooses its covariates from the univariate analysis. A plan must say whether
/// the threshold itself is in or out (the paper's methods say P &lt; 0.15, its tables P ≤ 0.15).
/// </summary>
public sealed record Screen(double Threshold, bool Inclusive)
{
    /// <summary>Covariates with univariate P ≤ <paramref name="threshold"/>.</summary>
    public static Screen AtMost(double threshold) => new(Check(threshold), true);

    /// <summary>Covariates with univariate P &lt; <paramref name="threshold"/>.</summary>
    public static Screen Below(double threshold) => new(Check(threshold), false);

    public bool Selects(double? p) => p is { } value && (Inclusive ? value <= Threshold : value < Threshold);

    public override string ToString() =>
        $"univariate P {(Inclusive ? "≤" : "<")} {Threshold.ToString(CultureInfo.InvariantCulture)}";

    private static double Check(double threshold) =>
        threshold is > 0 and <= 1 ? threshold : throw new ArgumentOutOfRangeException(nameof(threshold), threshold, "A screening threshold is a P value in (0, 1].");
}

/// <summary>Tie handling for the plan's Cox models: <c>.Model("Adjusted", Cox.Efron, ...)</c>.</summary>
public static class Cox
{
    public static Stats.Survival.Cox.CoxTies Efron => Stats.Survival.Cox.CoxTies.Efron;

    public static Stats.Survival.Cox.CoxTies Breslow => Stats.Survival.Cox.CoxTies.Breslow;
}
