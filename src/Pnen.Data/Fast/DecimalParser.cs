using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Pnen.Data.Fast;

/// <summary>
/// A fast path for the plain decimal numbers that fill data files ("12.3", "-0.6264538107",
/// "1e-5"): the digits are gathered into an integer and scaled by one exact power of ten, which
/// gives the correctly rounded double (Clinger's fast path: an integer below 2^53 and 10^k with
/// |k| ≤ 22 are both exact, and one IEEE multiplication or division rounds once). That is the
/// value double.Parse returns, since .NET parses correctly rounded. Anything else (a mantissa
/// beyond 2^53, a far exponent, "Infinity", a stray character) is declined, and the caller
/// uses double.Parse: this never answers differently from it, it only answers faster or not at all.
/// The grammar accepted is NumberStyles.Float's without surrounding white space:
/// [+|-] digits [. digits] [(e|E) [+|-] digits], with at least one digit before the exponent.
/// </summary>
internal static class DecimalParser
{
    private const int MaxDigitsInUlong = 19;                 // 10^19 - 1 < 2^64
    private const ulong MaxExactMantissa = 1UL << 53;        // every integer up to 2^53 is an exact double
    private const int MaxPower = 22;                          // 10^22 is the largest exact power of ten

    /// <summary>10^0 … 10^22, exact doubles (static data: no initialisation check on each read).</summary>
    private static ReadOnlySpan<double> Powers =>
    [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ];

    private static ReadOnlySpan<ulong> SmallPowers => [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000];

    /// <summary>Parses ASCII text with no surrounding white space; false means "ask double.Parse".</summary>
    public static bool TryParse(ReadOnlySpan<byte> text, out double value)
    {
        value = 0;
        var n = text.Length;
        if (n == 0) return false;
        ref var first = ref MemoryMarshal.GetReference(text);

        // Without branches: the sign of data values is random, and a mispredicted branch costs more than the rest.
        var negative = first == '-';
        var i = negative | first == '+' ? 1 : 0;

        // All digits, leading zeros included, go into the mantissa; at most 19 fit a ulong, and the
        // fast path needs the mantissa to be an exact double (≤ 2^53) in the end. The whole part of
        // a data value is short: digit by digit. The fraction is long: eight at a time.
        var start = i;
        ulong mantissa = 0;
        for (; i < n; i++)
        {
            var d = (uint)(Unsafe.Add(ref first, i) - '0');
            if (d > 9) break;
            mantissa = unchecked(mantissa * 10 + d);
        }
        var digits = i - start;
        var scale = 0;
        if (i < n && Unsafe.Add(ref first, i) == '.')
        {
            var fraction = ++i;
            i = FractionDigits(ref first, n, i, ref mantissa);
            scale = fraction - i;
            digits += i - fraction;
        }
        if (digits == 0 || digits > MaxDigitsInUlong) return false;

        if (i < n && (Unsafe.Add(ref first, i) | 0x20) == 'e')
        {
            i++;
            var exponentNegative = false;
            if (i < n && Unsafe.Add(ref first, i) is (byte)'-' or (byte)'+')
            {
                exponentNegative = Unsafe.Add(ref first, i) == '-';
                i++;
            }
            var exponent = 0;
            var exponentStart = i;
            for (; i < n; i++)
            {
                var d = (uint)(Unsafe.Add(ref first, i) - '0');
                if (d > 9) break;
                if (exponent < 10_000) exponent = exponent * 10 + (int)d;
            }
            if (i == exponentStart) return false;
            scale += exponentNegative ? -exponent : exponent;
        }
        if (i != n || mantissa > MaxExactMantissa) return false;

        double result;
        var exact = (double)(long)mantissa; // ≤ 2^53: the signed conversion is one instruction, and exact
        if (mantissa == 0) result = 0;
        else if (scale == 0) result = exact;
        else if (scale > 0 && scale <= MaxPower) result = exact * Powers[scale];
        else if (scale < 0 && scale >= -MaxPower) result = exact / Powers[-scale];
        else return false;

        value = BitConverter.Int64BitsToDouble(BitConverter.DoubleToInt64Bits(result) | ((long)(negative ? 1 : 0) << 63));
        return true;
    }

    /// <summary>Appends the digits from <paramref name="i"/> on to <paramref name="mantissa"/>: eight at
    /// a time, then the last one to seven with one load of the field's final eight bytes (the bytes
    /// already taken replaced by zeros), then digit by digit; returns where the digits end. Past 19
    /// digits the mantissa is garbage, and the caller declines on the digit count.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int FractionDigits(ref byte first, int n, int i, ref ulong mantissa)
    {
        while (n - i >= 8 && EightDigits(Load(ref first, i), out var eight))
        {
            mantissa = unchecked(mantissa * 100_000_000 + eight);
            i += 8;
        }
        var rest = n - i;
        if (rest is > 0 and < 8 && n >= 8)
        {
            var taken = (1UL << (8 * (8 - rest))) - 1; // the low bytes: before i
            if (EightDigits((Load(ref first, n - 8) & ~taken) | (0x3030303030303030UL & taken), out var tail))
            {
                mantissa = unchecked(mantissa * SmallPowers[rest] + tail);
                return n;
            }
        }
        for (; i < n; i++)
        {
            var d = (uint)(Unsafe.Add(ref first, i) - '0');
            if (d > 9) break;
            mantissa = unchecked(mantissa * 10 + d);
        }
        return i;
    }

    /// <summary>Eight bytes from <paramref name="i"/>, the first in the low byte.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Load(ref byte first, int i)
    {
        var chunk = Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref first, i));
        return BitConverter.IsLittleEndian ? chunk : BinaryPrimitives.ReverseEndianness(chunk);
    }

    /// <summary>Eight ASCII digits (little-endian in <paramref name="chunk"/>) as a number, in a few
    /// multiplications (the SWAR method of simdjson's parse_eight_digits_unrolled).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool EightDigits(ulong chunk, out ulong value)
    {
        value = 0;
        // Every byte in '0'..'9': the high nibble is 3, and adding 6 does not carry into it.
        if ((chunk & 0xF0F0F0F0F0F0F0F0UL) != 0x3030303030303030UL) return false;
        if (((chunk + 0x0606060606060606UL) & 0xF0F0F0F0F0F0F0F0UL) != 0x3030303030303030UL) return false;
        chunk -= 0x3030303030303030UL;
        chunk = (chunk * 10 + (chunk >> 8)) & 0x00FF00FF00FF00FFUL;
        chunk = (chunk * 100 + (chunk >> 16)) & 0x0000FFFF0000FFFFUL;
        value = (chunk * 10000 + (chunk >> 32)) & 0xFFFFFFFFUL;
        return true;
    }

    /// <summary>The same on UTF-16 text: characters beyond ASCII are simply declined.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out double value)
    {
        value = 0;
        if (text.Length is 0 or > 64) return false;
        Span<byte> ascii = stackalloc byte[text.Length];
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c > 0x7F) return false;
            ascii[i] = (byte)c;
        }
        return TryParse(ascii, out value);
    }
}
