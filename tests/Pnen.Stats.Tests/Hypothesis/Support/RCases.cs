using System.Text.Json;

namespace Pnen.Stats.Tests.Hypothesis;

/// <summary>
/// tests/TestData/r-reference.json: R 4.2.2 / survival 3.5-3 results on the CSV files beside it
/// (a copy of ../shared/data/r-reference.json; provenance inside the file).
/// </summary>
internal static class RCases
{
    private static readonly Lazy<JsonDocument> Document = new(() =>
        JsonDocument.Parse(File.ReadAllText(DataFiles.Path("r-reference.json"))));

    /// <summary>The case with this name.</summary>
    public static JsonElement Case(string name)
    {
        foreach (var c in Document.Value.RootElement.GetProperty("cases").EnumerateArray())
            if (c.GetProperty("name").GetString() == name) return c;
        throw new InvalidOperationException($"r-reference.json has no case '{name}'");
    }

    public static double Number(JsonElement element, string property) => element.GetProperty(property).GetDouble();
}
