using System.Buffers.Binary;

namespace Pnen.Data.Formats;

/// <summary>
/// Reads fixed-size fields from a file's bytes in its byte order, never past the end: a field
/// that does not fit is a <see cref="DataException"/> saying what was being read and where the
/// file ends, the one answer to a truncated or corrupted binary file.
/// </summary>
internal sealed class ByteCursor(byte[] bytes, string file)
{
    private readonly byte[] _bytes = bytes;

    public string File { get; } = file;

    public int Position { get; set; }

    public bool BigEndian { get; set; }

    public int Length => _bytes.Length;

    public int Remaining => _bytes.Length - Position;

    public ReadOnlySpan<byte> Take(long count, string what)
    {
        if (count < 0 || count > Remaining)
        {
            throw Fail(count < 0
                ? $"{what} has a negative length ({count}) at byte {Position}: the file is damaged"
                : $"ends early: {what} needs {count} bytes at byte {Position}, but only {Remaining} remain (truncated or damaged?)");
        }
        var span = _bytes.AsSpan(Position, (int)count);
        Position += (int)count;
        return span;
    }

    public void Skip(long count, string what) => Take(count, what);

    public byte Byte(string what) => Take(1, what)[0];

    public ushort UInt16(string what)
    {
        var b = Take(2, what);
        return BigEndian ? BinaryPrimitives.ReadUInt16BigEndian(b) : BinaryPrimitives.ReadUInt16LittleEndian(b);
    }

    public short Int16(string what) => (short)UInt16(what);

    public int Int32(string what)
    {
        var b = Take(4, what);
        return BigEndian ? BinaryPrimitives.ReadInt32BigEndian(b) : BinaryPrimitives.ReadInt32LittleEndian(b);
    }

    public uint UInt32(string what) => (uint)Int32(what);

    public long Int64(string what)
    {
        var b = Take(8, what);
        return BigEndian ? BinaryPrimitives.ReadInt64BigEndian(b) : BinaryPrimitives.ReadInt64LittleEndian(b);
    }

    public double Double(string what) => BitConverter.Int64BitsToDouble(Int64(what));

    public float Single(string what) => BitConverter.Int32BitsToSingle(Int32(what));

    /// <summary>Checks that the next bytes are <paramref name="tag"/> (ASCII), e.g. a Stata section tag.</summary>
    public void Expect(string tag, string what)
    {
        var at = Position;
        var actual = Take(Math.Min(tag.Length, Remaining), what);
        if (actual.Length != tag.Length || !System.Text.Encoding.ASCII.GetString(actual).Equals(tag, StringComparison.Ordinal))
        {
            throw Fail($"is damaged: expected {tag} at byte {at} ({what})");
        }
    }

    /// <summary>True, and moves past it, when the next bytes are <paramref name="tag"/>.</summary>
    public bool TryExpect(string tag)
    {
        if (Remaining < tag.Length) return false;
        for (var i = 0; i < tag.Length; i++)
        {
            if (_bytes[Position + i] != tag[i]) return false;
        }
        Position += tag.Length;
        return true;
    }

    public DataException Fail(string problem) => new(new DataError(File, null, null, null, problem));
}
