using System.Text.Json;

namespace ColonAdjuvant.Audit;

/// <summary>Audit/r-reference.json, written by Audit/colon-reference.R, embedded in the study.</summary>
public static class RReference
{
    private static readonly Lazy<JsonElement> Root = new(() =>
    {
        using var stream = typeof(RReference).Assembly.GetManifestResourceStream("ColonAdjuvant.Audit.r-reference.json")
            ?? throw new InvalidOperationException("Audit/r-reference.json is not embedded in the study's assembly.");
        using var document = JsonDocument.Parse(stream);
        return document.RootElement.Clone();
    });

    public static JsonElement Json => Root.Value;

    /// <summary>The number at a path of property names ("crude", "terms", "rxLev", "hr"); null for JSON null.</summary>
    public static double? At(params string[] path)
    {
        var element = Json;
        foreach (var step in path) element = element.GetProperty(step);
        return element.ValueKind == JsonValueKind.Null ? null : element.GetDouble();
    }

    /// <summary>The i-th number of an array at a path.</summary>
    public static double? At(int index, params string[] path)
    {
        var element = Json;
        foreach (var step in path) element = element.GetProperty(step);
        var item = element[index];
        return item.ValueKind == JsonValueKind.Null ? null : item.GetDouble();
    }
}
