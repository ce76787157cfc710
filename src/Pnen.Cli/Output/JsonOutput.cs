using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Pnen.Cli.Output;

/// <summary>
/// Writes the JSON of the CLI contract: camelCase names, indented with "\n" line ends on every
/// platform, numbers at full (round-trip) precision, and null for anything not reached or not
/// defined: NaN and infinities never appear.
/// </summary>
internal static class JsonOutput
{
    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, // level names print as in the data
    };

    public static string Write(Action<Utf8JsonWriter> body)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, Options))
        {
            body(writer);
        }
        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    public static void Number(this Utf8JsonWriter writer, string name, double? value)
    {
        if (value is { } v && double.IsFinite(v)) writer.WriteNumber(name, v);
        else writer.WriteNull(name);
    }

    public static void NumberValue(this Utf8JsonWriter writer, double? value)
    {
        if (value is { } v && double.IsFinite(v)) writer.WriteNumberValue(v);
        else writer.WriteNullValue();
    }

    /// <summary>The <c>--timing</c> extension: <c>"timing":{"loadMs","fitMs"}</c>, written only when asked for.</summary>
    public static void Timing(this Utf8JsonWriter writer, Commands.PhaseTiming? timing)
    {
        if (timing is null) return;
        writer.WriteStartObject("timing");
        writer.WriteNumber("loadMs", Math.Round(timing.LoadMs, 3));
        writer.WriteNumber("fitMs", Math.Round(timing.FitMs, 3));
        writer.WriteEndObject();
    }

    public static void Strings(this Utf8JsonWriter writer, string name, IEnumerable<string> values)
    {
        writer.WriteStartArray(name);
        foreach (var value in values) writer.WriteStringValue(value);
        writer.WriteEndArray();
    }
}
