using System.Text.Json;

namespace PnenSurgery.Audit;

/// <summary>
/// The paper's numbers (Audit/published.json, a copy of the transcription in ../shared/paper),
/// embedded in the study so the audit needs nothing outside the assembly.
/// </summary>
public static class Published
{
    private static readonly Lazy<JsonElement> Root = new(() =>
    {
        using var stream = typeof(Published).Assembly.GetManifestResourceStream("PnenSurgery.Audit.published.json")
            ?? throw new InvalidOperationException("Audit/published.json is not embedded in the study's assembly.");
        using var document = JsonDocument.Parse(stream);
        return document.RootElement.Clone();
    });

    public static JsonElement Json => Root.Value;

    public static string Source => Json.GetProperty("source").GetString()!;

    /// <summary>The paper's level names as the plan spells them (≥ and ≤ rather than >= and <=).</summary>
    public static string Level(string published) => published.Replace(">=", "≥", StringComparison.Ordinal).Replace("<=", "≤", StringComparison.Ordinal);

    public static string? Text(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) ? value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            _ => null,
        } : null;

    public static double? Number(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetDouble() : null;
}
