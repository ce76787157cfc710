using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Pnen.Formatting;

/// <summary>
/// A thin layer over <see cref="Utf8JsonWriter"/>: indented with '\n', non-ASCII text kept readable,
/// doubles written in their shortest round-trip form, and NaN or ±∞ written as null (JSON has
/// neither, and a reader must not mistake them for numbers).
/// </summary>
public sealed class JsonText : IDisposable
{
    /// <summary>Indented with '\n' on every platform; non-ASCII text (level names) kept as it is written.</summary>
    public static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private readonly ArrayBufferWriter<byte> _buffer = new();

    public JsonText() => Writer = new Utf8JsonWriter(_buffer, Options);

    public Utf8JsonWriter Writer { get; }

    public void Number(string name, double? value) => Writer.Number(name, value);

    public void Number(double? value) => Writer.NumberValue(value);

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

    public void Strings(string name, IEnumerable<string> values) => Writer.Strings(name, values);

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

    /// <summary>The JSON of <paramref name="body"/>, written with a new writer, ending in a line break.</summary>
    public static string Write(Action<Utf8JsonWriter> body)
    {
        using var json = new JsonText();
        body(json.Writer);
        return json.Finish();
    }

    public string Finish()
    {
        Writer.Flush();
        return Encoding.UTF8.GetString(_buffer.WrittenSpan) + "\n";
    }

    public void Dispose() => Writer.Dispose();
}
