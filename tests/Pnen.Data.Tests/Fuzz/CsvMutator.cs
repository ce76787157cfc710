using System.Globalization;
using System.Text;

namespace Pnen.Data.Tests.Fuzz;

/// <summary>
/// Inputs for fuzzing the CSV readers, from one seeded <see cref="Random"/> (the same sequence on every
/// run and machine): valid survival files (header time,status,group,x; quoted fields, CRLF, BOM, blank
/// lines), then one to four mutations each: bit flips, inserted quotes, commas, line breaks, carriage
/// returns, NULs, byte-order marks, invalid UTF-8, deleted or repeated ranges, truncation, special
/// numbers (NaN, Infinity, 1e999, -0, "1,5"), a huge field; or plain random bytes. A caller may supply
/// the valid files instead (another codebook's columns).
/// </summary>
public sealed class CsvMutator(int seed, Func<Random, byte[]>? valid = null)
{
    public static readonly string[] Columns = ["time", "status", "group", "x"];

    private static readonly string[] Special = ["NaN", "Infinity", "-Infinity", "1e999", "-1e999", "-0", "1,5", "1.5.2", "0x1F", "", "NA", " ", "\"\"", "2", "-1", "true", "TRUE", "yes", "1e-400", "٣", "１"];

    private static readonly byte[][] Insertions =
    [
        "\""u8.ToArray(), ","u8.ToArray(), "\n"u8.ToArray(), "\r"u8.ToArray(), "\r\n"u8.ToArray(), [0], [0xEF, 0xBB, 0xBF], [0xFF, 0xFE],
        [0xC3], [0xFF], [0xED, 0xA0, 0x80], "\t"u8.ToArray(), "\"\""u8.ToArray(), ",,,"u8.ToArray(), "\n\n"u8.ToArray(), "é"u8.ToArray(),
    ];

    private readonly Random _random = new(seed);

    /// <summary>The next input: a mutated valid file nine times in ten, random bytes otherwise.</summary>
    public byte[] Next()
    {
        if (_random.Next(10) == 0) return RandomBytes();
        var bytes = Valid();
        var mutations = _random.Next(1, 5);
        for (var m = 0; m < mutations; m++) bytes = Mutate(bytes);
        return bytes;
    }

    /// <summary>A valid file to mutate: the caller's (e.g. rows of a real data set), else a survival file of its own.</summary>
    public byte[] Valid()
    {
        if (valid is not null) return valid(_random);
        var crlf = _random.Next(3) == 0;
        var newline = crlf ? "\r\n" : "\n";
        var text = new StringBuilder();
        if (_random.Next(5) == 0) text.Append('\uFEFF');
        text.Append(string.Join(",", Columns.Select(c => _random.Next(4) == 0 ? $"\"{c}\"" : c))).Append(newline);
        var rows = _random.Next(0, 40);
        for (var r = 0; r < rows; r++)
        {
            if (_random.Next(15) == 0) text.Append(newline);
            var time = (_random.NextDouble() * 100).ToString(_random.Next(2) == 0 ? "F1" : "R", CultureInfo.InvariantCulture);
            var status = _random.Next(3) switch { 0 => "0", 1 => "1", _ => _random.Next(2) == 0 ? "true" : "false" };
            var group = _random.Next(4) switch { 0 => "A", 1 => "\"B, with comma\"", 2 => "\"C \"\"quoted\"\"\"", _ => "\"line\nbreak\"" };
            var x = _random.Next(6) == 0 ? "NA" : (_random.NextDouble() * 10 - 5).ToString("R", CultureInfo.InvariantCulture);
            text.Append(time).Append(',').Append(status).Append(',').Append(group).Append(',').Append(x);
            if (r < rows - 1 || _random.Next(4) > 0) text.Append(newline);
        }
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    private byte[] Mutate(byte[] bytes)
    {
        var at = bytes.Length == 0 ? 0 : _random.Next(bytes.Length + 1);
        switch (_random.Next(9))
        {
            case 0 when bytes.Length > 0: // flip a bit
                var flipped = (byte[])bytes.Clone();
                flipped[Math.Min(at, bytes.Length - 1)] ^= (byte)(1 << _random.Next(8));
                return flipped;
            case 1: // insert a character that means something to a CSV reader or a decoder
                return [.. bytes.AsSpan(0, at), .. Insertions[_random.Next(Insertions.Length)], .. bytes.AsSpan(at)];
            case 2 when bytes.Length > 0: // delete a range
                var length = _random.Next(1, Math.Min(64, bytes.Length - Math.Min(at, bytes.Length - 1)) + 1);
                var from = Math.Min(at, bytes.Length - length);
                return [.. bytes.AsSpan(0, from), .. bytes.AsSpan(from + length)];
            case 3 when bytes.Length > 0: // repeat a range
                var start = Math.Min(at, bytes.Length - 1);
                var count = _random.Next(1, Math.Min(80, bytes.Length - start) + 1);
                return [.. bytes.AsSpan(0, start + count), .. bytes.AsSpan(start, count), .. bytes.AsSpan(start + count)];
            case 4: // truncate
                return bytes.AsSpan(0, at).ToArray();
            case 5: // a special value after a delimiter
                return [.. bytes.AsSpan(0, at), .. Encoding.UTF8.GetBytes(Special[_random.Next(Special.Length)]), .. bytes.AsSpan(at)];
            case 6 when _random.Next(40) == 0: // a huge field: digits, letters or an open quote
                var huge = _random.Next(3) switch
                {
                    0 => new string('7', _random.Next(10_000, 2_000_000)),
                    1 => new string('z', _random.Next(10_000, 2_000_000)),
                    _ => "\"" + new string('q', _random.Next(10_000, 500_000)),
                };
                return [.. bytes.AsSpan(0, at), .. Encoding.UTF8.GetBytes(huge), .. bytes.AsSpan(at)];
            case 7: // many stray quotes or delimiters
                var run = new string(_random.Next(2) == 0 ? '"' : ',', _random.Next(2, 2000));
                return [.. bytes.AsSpan(0, at), .. Encoding.UTF8.GetBytes(run), .. bytes.AsSpan(at)];
            default: // random bytes in the middle
                var noise = new byte[_random.Next(1, 16)];
                _random.NextBytes(noise);
                return [.. bytes.AsSpan(0, at), .. noise, .. bytes.AsSpan(at)];
        }
    }

    private byte[] RandomBytes()
    {
        var bytes = new byte[_random.Next(0, 600)];
        _random.NextBytes(bytes);
        // Now and then a header the readers recognise, so random bytes reach the record parser too.
        return _random.Next(2) == 0 ? [.. "time,status,group,x\n"u8, .. bytes] : bytes;
    }
}
