using System.Buffers.Binary;

namespace Pnen.Data.Tests.Fuzz;

/// <summary>
/// Inputs for fuzzing the readers of binary files, from one seeded <see cref="Random"/> (the same sequence
/// on every run and machine): a valid file (an R-written fixture) with one to four mutations: flipped bits,
/// random bytes, a 4- or 8-byte field set to 0, -1, a huge or an odd value (counts, lengths, offsets and
/// doubles such as NaN, the system-missing value or Stata's missing values), truncation, a deleted,
/// repeated or inserted range. Mutations cluster in the first kilobytes, where the dictionary is.
/// </summary>
public sealed class BinaryMutator(int seed, IReadOnlyList<byte[]> seeds)
{
    private static readonly long[] Fields =
    [
        0, 1, -1, 2, 3, 7, 8, 255, 256, 999, 0x7FFF, 0xFFFF, int.MaxValue, int.MinValue, 0x7fe0000000000000, 0x7FF8000000000000,
        BitConverter.DoubleToInt64Bits(-double.MaxValue), BitConverter.DoubleToInt64Bits(double.PositiveInfinity), long.MaxValue, 1L << 40,
    ];

    private readonly Random _random = new(seed);

    public byte[] Next()
    {
        var bytes = seeds[_random.Next(seeds.Count)].ToArray();
        var mutations = 1 + _random.Next(4);
        for (var m = 0; m < mutations && bytes.Length > 16; m++) bytes = Mutate(bytes);
        return bytes;
    }

    private int Position(int length) =>
        _random.Next(3) == 0 ? _random.Next(length) : _random.Next(Math.Min(length, 4096));

    private byte[] Mutate(byte[] bytes)
    {
        var at = Position(bytes.Length);
        switch (_random.Next(8))
        {
            case 0:
                bytes[at] ^= (byte)(1 << _random.Next(8));
                return bytes;
            case 1:
                bytes[at] = (byte)_random.Next(256);
                return bytes;
            case 2 when at + 8 <= bytes.Length:
                BinaryPrimitives.WriteInt64LittleEndian(bytes.AsSpan(at), Fields[_random.Next(Fields.Length)]);
                return bytes;
            case 3 when at + 4 <= bytes.Length:
                BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(at), (int)Fields[_random.Next(Fields.Length)]);
                return bytes;
            case 4:
                return bytes[..at];
            case 5:
                var length = Math.Min(_random.Next(1, 64), bytes.Length - at);
                return [.. bytes[..at], .. bytes[(at + length)..]];
            case 6:
                var repeat = Math.Min(_random.Next(1, 64), bytes.Length - at);
                return [.. bytes[..(at + repeat)], .. bytes[at..]];
            default:
                var inserted = new byte[_random.Next(1, 16)];
                _random.NextBytes(inserted);
                return [.. bytes[..at], .. inserted, .. bytes[at..]];
        }
    }
}
