using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Pnen.Data.Fast;

/// <summary>
/// Blocks of lines that hold nothing but printable ASCII (no quote), the delimiter, \n and \r:
/// nearly every block of a large data file. In such a block a field is simply the bytes between two
/// separators, every field is valid UTF-8 and "plain" (<see cref="FieldReader.IsPlain"/>), and the
/// separators can be found 64 bytes at a time as a bit mask (the structural index of simdjson and
/// simdcsv: Langdale and Lemire, "Parsing gigabytes of JSON per second", 2019), instead of one
/// search per line and one per field (a \r is a separator too, so that the walk can check that it
/// ends a line). Blocks with anything else (quotes, tabs in a CSV file, bytes beyond ASCII) are left
/// to the line-by-line path, which knows those rules.
/// </summary>
internal static class PlainBlock
{
    /// <summary>Bytes a window covers: one bit each in a <see cref="Separators"/> mask.</summary>
    public const int Window = 64;

    private static readonly SearchValues<byte> CommaSeparated = Allowed((byte)',');
    private static readonly SearchValues<byte> TabSeparated = Allowed((byte)'\t');

    private static SearchValues<byte> Allowed(byte delimiter)
    {
        var bytes = new List<byte> { (byte)'\n', (byte)'\r', delimiter };
        for (var b = 0x20; b < 0x7F; b++)
        {
            if (b != '"' && b != delimiter) bytes.Add((byte)b);
        }
        return SearchValues.Create(bytes.ToArray());
    }

    /// <summary>True when the block has only printable ASCII but the quote, the delimiter, \n and \r
    /// (so no NUL, nothing to decode); one vectorised scan.</summary>
    public static bool IsPlain(ReadOnlySpan<byte> block, byte delimiter) =>
        block.IndexOfAnyExcept(delimiter == '\t' ? TabSeparated : CommaSeparated) < 0;

    /// <summary>One bit per byte of the 64 from <paramref name="at"/>: set where the byte is the
    /// delimiter, \n or \r.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Separators(ref byte at, byte delimiter)
    {
        var newline = Vector128.Create((byte)'\n');
        var separator = Vector128.Create(delimiter);
        var carriageReturn = Vector128.Create((byte)'\r');
        var a = Vector128.LoadUnsafe(ref at);
        var b = Vector128.LoadUnsafe(ref at, 16);
        var c = Vector128.LoadUnsafe(ref at, 32);
        var d = Vector128.LoadUnsafe(ref at, 48);
        ulong ma = (Vector128.Equals(a, newline) | Vector128.Equals(a, separator) | Vector128.Equals(a, carriageReturn)).ExtractMostSignificantBits();
        ulong mb = (Vector128.Equals(b, newline) | Vector128.Equals(b, separator) | Vector128.Equals(b, carriageReturn)).ExtractMostSignificantBits();
        ulong mc = (Vector128.Equals(c, newline) | Vector128.Equals(c, separator) | Vector128.Equals(c, carriageReturn)).ExtractMostSignificantBits();
        ulong md = (Vector128.Equals(d, newline) | Vector128.Equals(d, separator) | Vector128.Equals(d, carriageReturn)).ExtractMostSignificantBits();
        return ma | (mb << 16) | (mc << 32) | (md << 48);
    }
}
