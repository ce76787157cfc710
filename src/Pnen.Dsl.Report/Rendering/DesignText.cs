using System.Globalization;

namespace Pnen.Dsl.Report;

/// <summary>What the Methods say about the design (a randomised trial) and the outcome's units (recorded
/// in one, reported in another).</summary>
internal static class DesignText
{
    public static IEnumerable<string> Sentences(PlanDeclaration plan)
    {
        if (plan.Randomised) yield return "Design: a randomised trial.";
        if (plan.Outcome?.Scale is { } scale && scale.Data != scale.Report)
        {
            yield return $"Times were recorded in {TimeScale.Label(scale.Data)} and are reported in {TimeScale.Label(scale.Report)} ({Conversion(scale)}).";
        }
    }

    /// <summary>Why Table 1 has no P values.</summary>
    public static string NoTests(PlanDeclaration plan) => plan.Randomised
        ? " No tests are shown: in a randomised trial, differences at baseline are due to chance (CONSORT 2010, item 15)."
        : " No tests are shown.";

    private static string Conversion(TimeScale scale)
    {
        var (larger, smaller) = TimeScale.Days(scale.Data) > TimeScale.Days(scale.Report) ? (scale.Data, scale.Report) : (scale.Report, scale.Data);
        var ratio = TimeScale.Days(larger) / TimeScale.Days(smaller);
        return $"{ratio.ToString("0.####", CultureInfo.InvariantCulture)} {TimeScale.Label(smaller)} a {Singular(larger)}";
    }

    private static string Singular(TimeUnit unit) => TimeScale.Label(unit).TrimEnd('s');
}
