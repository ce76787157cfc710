using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Pnen.Dsl;

/// <summary>
/// A plan in canonical words: everything that changes what the plan computes (outcome, flow,
/// exposure, characteristics, tests, model, subgroups), one line each. Its SHA-256 is the plan's
/// fingerprint in a report's manifest, so two reports say whether they ran the same plan. Lambdas
/// cannot be read back, so a changed predicate under the same reason does not change it.
/// </summary>
internal static class PlanDescription
{
    public static string Describe<T, TX>(StudyPlan<T, TX> plan) where T : ICodebook<T> where TX : notnull
    {
        var text = new StringBuilder();
        void Line(string line) => text.Append(line).Append('\n');
        Line($"study: {plan.Name}");
        Line($"codebook: {T.Schema.RecordName} ({string.Join(", ", T.Schema.Variables.Select(v => v.Name))})");
        Line($"population: {plan.Core.Population}");
        if (plan.Core.Outcome is { } outcome) Line($"outcome: {outcome.TimeLabel} ({outcome.Unit}), event {outcome.EventLabel}");
        foreach (var exclusion in plan.Core.Exclusions) Line($"exclude: {exclusion.Reason}");
        var exposure = plan.ExposureSpec;
        Line($"exposure: {exposure.Label} [{string.Join(", ", exposure.Levels.Labels)}], reference {exposure.Levels.Labels[exposure.Reference]}");
        foreach (var c in plan.Characteristics)
        {
            Line(string.Create(CultureInfo.InvariantCulture,
                $"characteristic: {c.Label} {c.Kind} [{string.Join(", ", c.Levels)}] reference {c.Reference} {c.Derivation} baseline {c.InBaselineTable}"));
        }
        if (plan.Baseline is { } b) Line($"baseline table: by {b.ByLabel}, {b.Categorical}, {b.Continuous}, P {b.PValues}, SMD {b.StandardisedDifferences}");
        Line($"univariate: {plan.UnivariateAnalysis}");
        if (plan.MultivariableModel is { } m) Line($"multivariable: {m.Ties}, {m.Screen?.ToString() ?? "adjusted for " + string.Join(", ", m.AdjustFor ?? [])}");
        foreach (var w in plan.Within) Line($"within: {w.Name}: {string.Join(", ", w.Effects.Select(e => e.Label))}");
        foreach (var s in plan.Subgroups)
        {
            Line($"subgroup: {s.Name}; exclude {string.Join(", ", s.Exclusions.Select(e => e.Reason))}; within {string.Join(", ", s.Within.Select(w => w.Name))}");
        }
        return text.ToString();
    }

    public static string Fingerprint<T, TX>(StudyPlan<T, TX> plan) where T : ICodebook<T> where TX : notnull =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Describe(plan))));
}
