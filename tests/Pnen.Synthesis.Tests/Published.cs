using System.Text.Json;

namespace Pnen.Synthesis.Tests;

/// <summary>examples/PnenSurgery/Audit/published.json: the paper's numbers (a copy of shared/paper/published.json,
/// the one the example's reproduction audit embeds).</summary>
public static class Published
{
    private static readonly Lazy<JsonElement> Root = new(() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Published", "published.json"))).RootElement);

    public static JsonElement Json => Root.Value;

    public static JsonElement At(params string[] path)
    {
        var e = Json;
        foreach (var step in path) e = e.GetProperty(step);
        return e;
    }

    public static int Int(params string[] path) => At(path).GetInt32();

    public static double Number(params string[] path) => At(path).GetDouble();

    /// <summary>A table row by its "variable" name.</summary>
    public static JsonElement Row(string table, string variable) =>
        At(table, "rows").EnumerateArray().Single(r => r.GetProperty("variable").GetString() == variable);

    /// <summary>A level of a Table 2 or Table 3 row (those list levels as objects).</summary>
    public static JsonElement Level(string table, string variable, string level) =>
        Row(table, variable).GetProperty("levels").EnumerateArray().Single(l => l.GetProperty("level").GetString() == level);

    /// <summary>"0.045" as 0.045, "&lt;0.001" as 0.001 (only its side of a threshold is ever used).</summary>
    public static double PValue(JsonElement p) => double.Parse(p.GetString()!.TrimStart('<'), System.Globalization.CultureInfo.InvariantCulture);
}
