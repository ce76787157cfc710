using System.Reflection;
using System.Text;
using System.Text.Json;

namespace Pnen.Dsl.Report;

/// <summary>
/// manifest.json: what produced the report and from what: the input data's SHA-256, the plan's
/// fingerprint, the Pnen and .NET versions, the options, and the size and SHA-256 of every other
/// file. Nothing in it depends on the clock, the machine or the output path.
/// </summary>
internal static class ReportManifest
{
    public const string FileName = "manifest.json";
    public const string Format = "pnen-report/1";

    /// <summary>Pnen's version without build metadata (the "+commit" suffix), so the manifest of
    /// an unchanged study does not change with every commit of Pnen.</summary>
    public static string PnenVersion
    {
        get
        {
            var informational = typeof(ReportManifest).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
                ?? typeof(ReportManifest).Assembly.GetName().Version?.ToString() ?? "unknown";
            var plus = informational.IndexOf('+', StringComparison.Ordinal);
            return plus < 0 ? informational : informational[..plus];
        }
    }

    /// <summary>The runtime's major.minor: patches vary between machines and do not change results.</summary>
    public static string DotnetVersion => $"{Environment.Version.Major}.{Environment.Version.Minor}";

    public static string Write(string study, ReportOptions options, IReadOnlyList<ReportFileInfo> files)
    {
        using var json = new JsonText();
        var w = json.Writer;
        w.WriteStartObject();
        json.String("format", Format);
        json.String("study", study);
        json.String("pnen", PnenVersion);
        json.String("dotnet", DotnetVersion);
        json.Optional("data", options.Data, d =>
        {
            json.String("name", d.Name);
            json.String("sha256", d.Sha256);
        });
        json.String("plan", options.PlanFingerprint);
        json.Object("options", () =>
        {
            json.Strings("formats", Formats(options.Formats));
            json.Number("significanceLevel", options.SignificanceLevel);
            if (options.TimeDecimals is { } decimals) json.Integer("timeDecimals", decimals);
            else json.Number("timeDecimals", null);
            json.Integer("percentDecimals", options.PercentDecimals);
            json.Integer("ratioDecimals", options.RatioDecimals);
            json.String("notReached", options.NotReached);
            json.Number("timeBreak", options.TimeBreak);
            if (options.SuppressBelow is { } threshold) json.Integer("suppressBelow", threshold);
            json.String("title", options.Title);
            json.String("rasterizer", options.Formats.HasFlag(ReportFormats.Png) || options.Formats.HasFlag(ReportFormats.Docx) ? options.Rasterizer?.Description : null);
            json.Strings("additionalSections", options.AdditionalSections.Select(s => s.Title));
        });
        json.Array("files", files, f =>
        {
            json.String("path", f.Path);
            w.WriteNumber("bytes", f.Length);
            json.String("sha256", f.Sha256);
        });
        w.WriteEndObject();
        return json.Finish();
    }

    /// <summary>Whether a manifest was written by a Pnen report (so its folder may be replaced).</summary>
    public static bool IsOurs(byte[] manifest)
    {
        try
        {
            using var document = JsonDocument.Parse(manifest);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("format", out var format)
                && format.ValueKind == JsonValueKind.String
                && format.GetString()!.StartsWith("pnen-report/", StringComparison.Ordinal);
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static IEnumerable<string> Formats(ReportFormats formats) =>
        new[] { ReportFormats.Html, ReportFormats.Markdown, ReportFormats.Csv, ReportFormats.Json, ReportFormats.Png, ReportFormats.Docx }
            .Where(f => formats.HasFlag(f)).Select(f => f.ToString().ToLowerInvariant()).Prepend("svg");

    public static byte[] Bytes(string text) => new UTF8Encoding(false).GetBytes(text);
}
