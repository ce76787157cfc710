using System.IO.Compression;

namespace Pnen.Data.Formats.Spss;

/// <summary>
/// The case data of an SPSS system file, one case at a time as 8-byte slots: uncompressed, bytecode
/// compressed, or zlib-compressed bytecode (.zsav), as in PSPP's "Data Record" and "ZLIB data".
/// A case cut short by the end of the file is an error naming its row.
/// </summary>
internal sealed class SavCases
{
    private readonly byte[] _data;
    private readonly int _end;
    private readonly bool[] _stringSlots;
    private readonly bool _compressed;
    private readonly double _bias;
    private readonly string _file;
    private readonly bool _bigEndian;
    private readonly byte[] _commands = new byte[8];
    private int _position;
    private int _next = 8;
    private bool _ended;

    private SavCases(byte[] data, int start, int end, bool[] stringSlots, bool compressed, double bias, string file, bool bigEndian)
    {
        _bigEndian = bigEndian;
        _data = data;
        _position = start;
        _end = end;
        _stringSlots = stringSlots;
        _compressed = compressed;
        _bias = bias;
        _file = file;
    }

    public static SavCases Open(SavHeader header, ByteCursor cursor, bool[] stringSlots, byte[] bytes)
    {
        if (!header.Zlib) return new SavCases(bytes, cursor.Position, bytes.Length, stringSlots, header.Compression == 1, header.Bias, cursor.File, cursor.BigEndian);
        var inflated = Inflate(cursor, bytes);
        return new SavCases(inflated, 0, inflated.Length, stringSlots, compressed: true, header.Bias, cursor.File, cursor.BigEndian);
    }

    /// <summary>Reads the next case into <paramref name="slots"/> (8 bytes per slot, the file's byte
    /// order); false when the data ended cleanly before it.</summary>
    public bool Next(Span<byte> slots, long row)
    {
        if (_ended) return false;
        if (!_compressed)
        {
            if (_position == _end) return false;
            if (_end - _position < slots.Length) throw Cut(row);
            _data.AsSpan(_position, slots.Length).CopyTo(slots);
            _position += slots.Length;
            return true;
        }
        for (var s = 0; s < _stringSlots.Length; s++)
        {
            var code = NextCode();
            if (code < 0 || code == 252)
            {
                _ended = true;
                if (s == 0) return false;
                throw Cut(row);
            }
            var slot = slots.Slice(s * 8, 8);
            var isString = _stringSlots[s];
            switch (code)
            {
                case 253:
                    if (_end - _position < 8) throw Cut(row);
                    _data.AsSpan(_position, 8).CopyTo(slot);
                    _position += 8;
                    break;
                case 254 when isString:
                    slot.Fill((byte)' ');
                    break;
                case 255 when !isString:
                    WriteDouble(slot, -double.MaxValue);
                    break;
                case >= 1 and <= 251 when !isString:
                    WriteDouble(slot, code - _bias);
                    break;
                case >= 1 and <= 251 when code - _bias == 0:
                    slot.Clear(); // a string of NUL bytes, which real files hold
                    break;
                default:
                    throw new DataException(new DataError(_file, row, null, null,
                        $"the compressed data are damaged (code {code} in a {(isString ? "string" : "numeric")} slot)"));
            }
        }
        return true;
    }

    private int NextCode()
    {
        while (true)
        {
            if (_next == 8)
            {
                if (_end - _position < 8) return -1;
                _data.AsSpan(_position, 8).CopyTo(_commands);
                _position += 8;
                _next = 0;
            }
            var code = _commands[_next++];
            if (code != 0) return code;
        }
    }

    // In the file's byte order, like the slots copied from it.
    private void WriteDouble(Span<byte> slot, double value)
    {
        var bits = BitConverter.DoubleToInt64Bits(value);
        if (_bigEndian) System.Buffers.Binary.BinaryPrimitives.WriteInt64BigEndian(slot, bits);
        else System.Buffers.Binary.BinaryPrimitives.WriteInt64LittleEndian(slot, bits);
    }

    private DataException Cut(long row) =>
        new(new DataError(_file, row, null, null, "the file ends inside this case (truncated?)"));

    // The ZLIB data header and trailer locate each deflated block; the blocks inflate to bytecode.
    private static byte[] Inflate(ByteCursor cursor, byte[] bytes)
    {
        var headerAt = cursor.Position;
        var zheader = cursor.Int64("the zlib data header");
        var trailerAt = cursor.Int64("the zlib trailer offset");
        var trailerLength = cursor.Int64("the zlib trailer length");
        if (zheader != headerAt || trailerAt < cursor.Position || trailerAt > bytes.Length || trailerLength < 24 || trailerAt + trailerLength > bytes.Length)
        {
            throw cursor.Fail("is damaged: the zlib data header does not point into the file");
        }
        cursor.Position = (int)trailerAt;
        cursor.Int64("the zlib trailer's bias");
        cursor.Int64("the zlib trailer's zero");
        var blockSize = cursor.Int32("the zlib block size");
        var blocks = cursor.Int32("the number of zlib blocks");
        if (blocks < 0 || 24 + 24L * blocks != trailerLength || blockSize <= 0)
        {
            throw cursor.Fail("is damaged: the zlib trailer's block count does not match its length");
        }
        var output = new MemoryStream();
        for (var b = 0; b < blocks; b++)
        {
            cursor.Int64("a zlib block's uncompressed offset");
            var compressedAt = cursor.Int64("a zlib block's compressed offset");
            var size = cursor.Int32("a zlib block's uncompressed size");
            var compressedSize = cursor.Int32("a zlib block's compressed size");
            if (compressedAt < headerAt + 24 || compressedSize < 0 || compressedAt + compressedSize > trailerAt || size < 0 || size > blockSize)
            {
                throw cursor.Fail($"is damaged: zlib block {b + 1} lies outside the data");
            }
            var before = output.Length;
            try
            {
                using var inflater = new ZLibStream(new MemoryStream(bytes, (int)compressedAt, compressedSize), CompressionMode.Decompress);
                var buffer = new byte[Math.Min(size + 1, 1 << 16)];
                int read;
                while ((read = inflater.Read(buffer)) > 0)
                {
                    output.Write(buffer, 0, read);
                    if (output.Length - before > size) break;
                }
            }
            catch (InvalidDataException)
            {
                throw cursor.Fail($"is damaged: zlib block {b + 1} does not inflate");
            }
            if (output.Length - before != size)
            {
                throw cursor.Fail($"is damaged: zlib block {b + 1} inflates to {output.Length - before} bytes, not the {size} its trailer says");
            }
        }
        return output.ToArray();
    }
}
