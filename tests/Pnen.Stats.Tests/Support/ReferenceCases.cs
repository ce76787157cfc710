using System.Text.Json;

namespace Pnen.Stats.Tests.Support;

/// <summary>
/// The cases of tests/TestData/r-reference.json: results of R 4.2.2 with survival 3.5-3 on the
/// CSV files beside it (a copy of ../shared/data). Tests read expected numbers from here rather
/// than retyping them, so each assertion points at its source.
/// </summary>
internal static class ReferenceCases
{
    private static readonly Lazy<JsonElement[]> Cases = new(() =>
    {
        using var stream = File.OpenRead(TestFiles.Path("r-reference.json"));
        using var document = JsonDocument.Parse(stream);
        return document.RootElement.GetProperty("cases").EnumerateArray().Select(c => c.Clone()).ToArray();
    });

    public static JsonElement Named(string name) => Cases.Value.Single(c => c.GetProperty("name").GetString() == name);

    public static IEnumerable<object[]> OfKind(string kind) =>
        Cases.Value.Where(c => c.GetProperty("kind").GetString() == kind).Select(c => new object[] { c.GetProperty("name").GetString()! });

    public static double? NumberOrNull(this JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetDouble() : null;

    public static double Number(this JsonElement element, string property) => element.GetProperty(property).GetDouble();

    public static string Text(this JsonElement element, string property) => element.GetProperty(property).GetString()!;

    /// <summary>The group column of a case: R's JSON writes {} for "no group".</summary>
    public static string? GroupColumn(this JsonElement c) => c.GroupColumnOf("group");

    /// <summary>A column-valued property that R's JSON writes as {} when absent.</summary>
    public static string? GroupColumnOf(this JsonElement c, string property) =>
        c.TryGetProperty(property, out var g) && g.ValueKind == JsonValueKind.String ? g.GetString() : null;
}
