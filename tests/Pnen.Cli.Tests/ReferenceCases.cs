using System.Text.Json;

namespace Pnen.Cli.Tests;

/// <summary>The cases of tests/TestData/r-reference.json (R 4.2.2, survival 3.5-3).</summary>
internal static class ReferenceCases
{
    private static readonly Lazy<JsonElement[]> Cases = new(() =>
    {
        using var document = JsonDocument.Parse(File.ReadAllText(CliRunner.Data("r-reference.json")));
        return document.RootElement.GetProperty("cases").EnumerateArray().Select(c => c.Clone()).ToArray();
    });

    public static JsonElement Named(string name) => Cases.Value.Single(c => c.GetProperty("name").GetString() == name);

    public static IEnumerable<object[]> OfKind(string kind) =>
        Cases.Value.Where(c => c.GetProperty("kind").GetString() == kind).Select(c => new object[] { c.GetProperty("name").GetString()! });

    public static string? Column(this JsonElement c, string property) =>
        c.TryGetProperty(property, out var g) && g.ValueKind == JsonValueKind.String ? g.GetString() : null;

    public static double? NumberOrNull(this JsonElement e, string property) =>
        e.TryGetProperty(property, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDouble() : null;
}

/// <summary>The cases of another reference file under tests/TestData, by kind and name.</summary>
internal sealed class ReferenceFile(string path)
{
    private readonly Lazy<JsonElement[]> _cases = new(() =>
    {
        using var document = JsonDocument.Parse(File.ReadAllText(CliRunner.Data(path)));
        return document.RootElement.GetProperty("cases").EnumerateArray().Select(c => c.Clone()).ToArray();
    });

    public JsonElement Named(string kind, string name) =>
        _cases.Value.Single(c => c.GetProperty("kind").GetString() == kind && c.GetProperty("name").GetString() == name);

    public IEnumerable<object[]> OfKind(string kind) =>
        _cases.Value.Where(c => c.GetProperty("kind").GetString() == kind).Select(c => new object[] { c.GetProperty("name").GetString()! });
}

/// <summary>A term's level as R pastes it after the variable name: "" for a numeric covariate.</summary>
internal static class TermNames
{
    public static string Level(this JsonElement term) =>
        term.GetProperty("level").ValueKind == JsonValueKind.Null ? "" : term.GetProperty("level").GetString()!;
}

/// <summary>A log-rank case (chisq, df, p; per group level, n, observed, expected) against `pnen logrank`'s JSON.</summary>
internal static class LogRankExpected
{
    public static void Check(JsonElement c, JsonElement json, string name)
    {
        Close.To(c.GetProperty("chisq").GetDouble(), Close.Value(json, "chisq"), 1e-6, $"{name} chisq");
        Assert.Equal(c.GetProperty("df").GetInt32(), json.GetProperty("df").GetInt32());
        Close.To(c.GetProperty("p").GetDouble(), Close.Value(json, "p"), 1e-5, $"{name} p");
        var groups = json.GetProperty("groups").EnumerateArray().ToArray();
        Assert.Equal(c.GetProperty("levels").EnumerateArray().Select(l => l.GetString()), groups.Select(g => g.GetProperty("level").GetString()));
        for (var g = 0; g < groups.Length; g++)
        {
            Assert.Equal(c.GetProperty("n")[g].GetInt32(), groups[g].GetProperty("n").GetInt32());
            Close.To(c.GetProperty("observed")[g].GetDouble(), Close.Value(groups[g], "observed"), 1e-6, $"{name} observed {g}");
            Close.To(c.GetProperty("expected")[g].GetDouble(), Close.Value(groups[g], "expected"), 1e-6, $"{name} expected {g}");
        }
    }
}

/// <summary>Agreement with R: 1e-6 relative on statistics, 1e-5 on p-values.</summary>
internal static class Close
{
    public static void To(double? expected, double? actual, double relative, string what)
    {
        if (expected is null || actual is null)
        {
            Assert.True(expected is null && actual is null, $"{what}: expected {expected?.ToString("R") ?? "null"}, got {actual?.ToString("R") ?? "null"}");
            return;
        }
        var scale = Math.Max(Math.Abs(expected.Value), 1e-12);
        var error = Math.Abs(actual.Value - expected.Value);
        Assert.True(error <= relative * scale || error <= 1e-12, $"{what}: expected {expected:R}, got {actual:R} (relative error {error / scale:E2})");
    }

    public static double? Value(JsonElement e, string property) =>
        e.GetProperty(property).ValueKind == JsonValueKind.Null ? null : e.GetProperty(property).GetDouble();
}
