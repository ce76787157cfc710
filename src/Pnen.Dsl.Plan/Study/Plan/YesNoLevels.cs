namespace Pnen.Dsl;

/// <summary>Which variables are yes/no: a boolean (whatever its level labels), or two levels labelled
/// "No" and "Yes" (gtsummary's dichotomous type, which takes TRUE/FALSE, 1/0 and yes/no).</summary>
internal static class YesNoLevels
{
    public static bool Are<T>(CharacteristicSpec<T> spec) =>
        spec.Kind == CharacteristicKind.Categorical && spec.Levels.Count == 2
        && (spec.LevelValues is [false, true] || (string.Equals(spec.Levels[0], "No", StringComparison.OrdinalIgnoreCase) && string.Equals(spec.Levels[1], "Yes", StringComparison.OrdinalIgnoreCase)));
}
