using System.Text.Json;

namespace Pnen.Cli.Output;

/// <summary>
/// Writes the JSON of the CLI contract with the writer the reports use too (Pnen.Formatting): camelCase
/// names, indented with "\n" line ends on every platform, numbers at full (round-trip) precision, and
/// null for anything not reached or not defined: NaN and infinities never appear.
/// </summary>
internal static class JsonOutput
{
    public static string Write(Action<Utf8JsonWriter> body) => JsonText.Write(body);

    /// <summary>The <c>--timing</c> extension: <c>"timing":{"loadMs","fitMs"}</c>, written only when asked for.</summary>
    public static void Timing(this Utf8JsonWriter writer, Commands.PhaseTiming? timing)
    {
        if (timing is null) return;
        writer.WriteStartObject("timing");
        writer.WriteNumber("loadMs", Math.Round(timing.LoadMs, 3));
        writer.WriteNumber("fitMs", Math.Round(timing.FitMs, 3));
        writer.WriteEndObject();
    }
}
