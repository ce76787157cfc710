using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Pnen.Dsl.Report;

/// <summary>
/// A thin layer over <see cref="Utf8JsonWriter"/>: indented with '\n', non-ASCII text kept readable,
/// doubles written in their shortest round-trip form, and NaN or ±∞ written as null (JSON has
/// neither, and a reader must not mistake them for numbers).
/// </summary>
internal sealed class JsonText : IDisposable
{
    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private readonly ArrayBufferWriter<byte> _buffer = new();

    public JsonText() => Writer = new Utf8JsonWriter(_buffer, Options);

    public Utf8JsonWriter Writer { get; }

    public void Number(string name, double? value)
    {
        if (value is { } v && double.IsFinite(v)) Writer.WriteNumber(name, v);
        else Writer.WriteNull(name);
    }

    public void Number(double? value)
    {
        if (value is { } v && double.IsFinite(v)) Writer.WriteNumberValue(v);
        else Writer.WriteNullValue();
    }

    public void Integer(string name, int value) => Writer.WriteNumber(name, value);

    public void Numbers(string name, IEnumerable<double> values)
    {
        Writer.WriteStartArray(name);
        foreach (var value in values) Number(value);
        Writer.WriteEndArray();
    }

    public void String(string name, string? value)
    {
        if (value is null) Writer.WriteNull(name);
        else Writer.WriteString(name, value);
    }

    public void Bool(string name, bool value) => Writer.WriteBoolean(name, value);

    public void Strings(string name, IEnumerable<string> values)
    {
        Writer.WriteStartArray(name);
        foreach (var value in values) Writer.WriteStringValue(value);
        Writer.WriteEndArray();
    }

    public void Array<T>(string name, IEnumerable<T> items, Action<T> write)
    {
        Writer.WriteStartArray(name);
        foreach (var item in items)
        {
            Writer.WriteStartObject();
            write(item);
            Writer.WriteEndObject();
        }
        Writer.WriteEndArray();
    }

    public void Object(string name, Action write)
    {
        Writer.WriteStartObject(name);
        write();
        Writer.WriteEndObject();
    }

    /// <summary>An object property, or null when <paramref name="value"/> is null.</summary>
    public void Optional<T>(string name, T? value, Action<T> write) where T : class
    {
        if (value is null)
        {
            Writer.WriteNull(name);
            return;
        }
        Writer.WriteStartObject(name);
        write(value);
        Writer.WriteEndObject();
    }

    public string Finish()
    {
        Writer.Flush();
        return Encoding.UTF8.GetString(_buffer.WrittenSpan) + "\n";
    }

    public void Dispose() => Writer.Dispose();
}
