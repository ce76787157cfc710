using System.Text.Json;

namespace Pnen.Stats.Tests.Support;

/// <summary>
/// The cases of tests/TestData/terms/terms-reference.json, written by make-terms-reference.R
/// beside it (R 4.2.2, survival 3.5-3, splines): ns() bases ("basis") and Cox models with
/// spline and interaction terms with their anova() likelihood-ratio tests ("cases").
/// </summary>
internal static class TermCases
{
    private static readonly Lazy<JsonElement> Root = new(() =>
    {
        using var stream = File.OpenRead(TestFiles.Path("terms/terms-reference.json"));
        using var document = JsonDocument.Parse(stream);
        return document.RootElement.Clone();
    });

    public static IEnumerable<object[]> Names(string section) =>
        Root.Value.GetProperty(section).EnumerateArray().Select(c => new object[] { c.GetProperty("name").GetString()! });

    public static JsonElement Named(string section, string name) =>
        Root.Value.GetProperty(section).EnumerateArray().Single(c => c.GetProperty("name").GetString() == name);

    public static double[] Numbers(this JsonElement array) => array.EnumerateArray().Select(e => e.GetDouble()).ToArray();

    /// <summary>A property R's JSON writes as {} or [] when it is an empty list.</summary>
    public static IEnumerable<JsonProperty> Entries(this JsonElement c, string property) =>
        c.GetProperty(property).ValueKind == JsonValueKind.Object ? c.GetProperty(property).EnumerateObject() : [];

    public static string? LevelOrNull(this JsonElement e) =>
        e.GetProperty("level").ValueKind == JsonValueKind.String ? e.GetProperty("level").GetString() : null;
}
