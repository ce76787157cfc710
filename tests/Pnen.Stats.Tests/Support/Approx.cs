namespace Pnen.Stats.Tests.Support;

/// <summary>Relative-tolerance assertions with messages that show both numbers.</summary>
internal static class Approx
{
    /// <summary>The project's agreement target with R: 1e-6 relative (absolute near zero).</summary>
    public const double Statistic = 1e-6;

    /// <summary>p-values: 1e-5 relative.</summary>
    public const double PValue = 1e-5;

    public static void Equal(double expected, double actual, double relative, string what)
    {
        var scale = Math.Max(Math.Abs(expected), 1e-12);
        var error = Math.Abs(actual - expected);
        Assert.True(error <= relative * scale || error <= 1e-12,
            $"{what}: expected {expected:R}, got {actual:R} (relative error {error / scale:E2}, allowed {relative:E0})");
    }

    public static void Equal(double? expected, double? actual, double relative, string what)
    {
        if (expected is null || actual is null)
        {
            Assert.True(expected is null && actual is null, $"{what}: expected {Show(expected)}, got {Show(actual)}");
            return;
        }
        Equal(expected.Value, actual.Value, relative, what);
    }

    private static string Show(double? value) => value is { } v ? v.ToString("R", System.Globalization.CultureInfo.InvariantCulture) : "null (not reached / not defined)";
}
