namespace Pnen.Stats.Tests.Hypothesis;

/// <summary>Relative-error assertions for values from R.</summary>
internal static class Near
{
    /// <summary>Tolerance the issue sets for statistics.</summary>
    public const double Statistic = 1e-6;

    /// <summary>Tolerance the issue sets for p-values.</summary>
    public const double PValue = 1e-5;

    public static void Equal(double expected, double? actual, double relative, string what = "value")
    {
        Assert.True(actual.HasValue, $"{what}: expected {expected:R}, got null");
        var error = RelativeError(expected, actual!.Value);
        Assert.True(error <= relative,
            $"{what}: expected {expected:R}, got {actual.Value:R} (relative error {error:E2} > {relative:E0})");
    }

    public static double RelativeError(double expected, double actual) =>
        expected == actual ? 0 : Math.Abs(actual - expected) / Math.Max(Math.Abs(expected), double.Epsilon);
}
