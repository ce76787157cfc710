using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Pnen.Dsl;

/// <summary>
/// A plan's declaration in canonical words: everything that changes what the plan computes, one line
/// each. Its SHA-256 is the plan's fingerprint in a report's manifest, so two reports say whether they
/// ran the same plan. Lambdas cannot be read back, so a changed predicate under the same reason does
/// not change it.
/// </summary>
public static class PlanDescription
{
    public static string Describe<T, TX>(StudyPlan<T, TX> plan) where T : ICodebook<T> where TX : notnull
    {
        var d = plan.Declaration;
        var text = new StringBuilder();
        void Line(FormattableString line) => text.Append(line.ToString(CultureInfo.InvariantCulture)).Append('\n');
        Line($"study: {d.Name}");
        Line($"codebook: {T.Schema.RecordName} ({string.Join(", ", T.Schema.Variables.Select(v => v.Name))})");
        Line($"population: {d.Population}");
        if (d.Outcome is { } outcome) Line($"outcome: {outcome.TimeLabel} ({outcome.Unit}), event {outcome.EventLabel}");
        foreach (var exclusion in d.Exclusions) Line($"exclude: {exclusion}");
        foreach (var strata in d.Strata) Line($"strata: {Variable(strata)}");
        Line($"exposure: {Variable(d.Exposure)}");
        foreach (var c in d.Characteristics) Line($"characteristic: {Variable(c)} baseline {c.InBaselineTable}");
        if (d.Baseline is { } b) Line($"baseline table: by {b.By}, {b.Categorical}, {b.Continuous}, P {b.PValues}, SMD {b.StandardisedDifferences}");
        Line($"univariate: {d.Univariate}");
        foreach (var m in d.Models)
        {
            Line($"model: {m.Id} {m.Name}, {m.Ties}, screen {m.Screen}, strata [{string.Join(", ", m.Strata.Select(Variable))}]");
            foreach (var t in m.Terms) Line($"  term: {t.Id} {t.Form} per {t.PerUnit} df {t.SplineDf} {(t.Variable is { } v ? Variable(v) : $"{t.First} x {t.Second}")}");
            // Only when declared, so that the fingerprints of plans without them stay as they were.
            if (m.Firth) Line($"  firth: penalised partial likelihood");
            if (m.Cluster is { } cluster) Line($"  cluster: {Variable(cluster)}");
        }
        if (d.SurvivalTimes.Count > 0) Line($"survival at: {string.Join(", ", d.SurvivalTimes)}");
        if (d.RestrictedMeanTau is { } tau) Line($"restricted mean: {tau}");
        if (d.ExposureStart is { } start) Line($"exposure starts at: {start.StartsAt}, time-dependent analyses {start.TimeDependentMain}");
        if (d.Landmarks.Count > 0) Line($"landmarks: {string.Join(", ", d.Landmarks)}");
        foreach (var w in d.Selections) Line($"within: {w.Id} {w.Name}: {string.Join(", ", w.Effects.Select(Variable))}");
        foreach (var s in d.Subgroups)
        {
            Line($"subgroup: {s.Id} {s.Name}; exclude {string.Join(", ", s.Exclusions)}; within {string.Join(", ", s.Selections.Select(w => $"{w.Name}: {string.Join(", ", w.Effects.Select(Variable))}"))}");
        }
        foreach (var line in ConfoundingDeclarations.Describe(d)) Line($"{line}");
        return text.ToString();
    }

    public static string Fingerprint<T, TX>(StudyPlan<T, TX> plan) where T : ICodebook<T> where TX : notnull =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Describe(plan))));

    internal static string Variable(VariableDeclaration v) =>
        string.Create(CultureInfo.InvariantCulture, $"{v.Id} '{v.Label}' {v.Kind} [{string.Join(", ", v.Levels)}] reference {v.Reference} {v.Derivation?.Describe()}");
}
