using System.Text.Json;

namespace Pnen.Formatting;

/// <summary>
/// What every JSON Pnen writes has in common: a number that is missing, NaN or infinite is null (JSON has
/// neither, and a reader must not mistake them for numbers), and doubles are written in their shortest
/// round-trip form.
/// </summary>
public static class JsonWriterExtensions
{
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

    public static void Strings(this Utf8JsonWriter writer, string name, IEnumerable<string> values)
    {
        writer.WriteStartArray(name);
        foreach (var value in values) writer.WriteStringValue(value);
        writer.WriteEndArray();
    }
}
