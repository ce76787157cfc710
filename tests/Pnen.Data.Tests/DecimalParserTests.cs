using System.Globalization;
using System.Text;
using CsCheck;
using Pnen.Data.Fast;

namespace Pnen.Data.Tests;

/// <summary>
/// The fast number path must never disagree with double.Parse: whenever it answers, the double is
/// bit for bit the one double.Parse gives; and it must answer for the plain decimals data files
/// are made of, or it would be no faster.
/// </summary>
public class DecimalParserTests
{
    private static readonly Gen<string> Digits = Gen.Char['0', '9'].Array[0, 22].Select(c => new string(c));

    /// <summary>Random decimal strings in the grammar and around it: signs, leading zeros, long
    /// mantissas, empty parts, exponents near and far, and now and then a stray character.</summary>
    private static readonly Gen<string> Decimal =
        Gen.Select(Gen.OneOf("", "-", "+"), Digits, Gen.OneOf("", "."), Digits,
            Gen.OneOf(Gen.Const(""), Gen.Select(Gen.OneOf("e", "E"), Gen.OneOf("", "-", "+"), Gen.Int[0, 400]).Select((e, s, n) => e + s + n.ToString(CultureInfo.InvariantCulture))),
            Gen.Frequency((30, Gen.Const("")), (1, Gen.OneOf("x", " ", "..", "e", "-", "\u0663", "Infinity"))))
        .Select((sign, whole, point, fraction, exponent, noise) => sign + whole + point + fraction + exponent + noise);

    [Fact]
    public void AgreesWithDoubleParseWheneverItAnswers()
    {
        Decimal.Sample(text =>
        {
            var fast = DecimalParser.TryParse(Encoding.UTF8.GetBytes(text), out var value);
            var fastChars = DecimalParser.TryParse(text.AsSpan(), out var valueChars);
            Assert.Equal(fast, fastChars);
            if (!fast) return;
            Assert.True(double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var expected), $"'{text}' accepted by the fast path but not by double.Parse");
            Assert.Equal(BitConverter.DoubleToInt64Bits(expected), BitConverter.DoubleToInt64Bits(value));
            Assert.Equal(BitConverter.DoubleToInt64Bits(expected), BitConverter.DoubleToInt64Bits(valueChars));
        }, iter: 200_000);
    }

    [Fact]
    public void AgreesOnRoundTrippedDoubles()
    {
        // Doubles printed as data writers print them: R's 15 significant digits, fixed decimals, shortest round trip.
        Gen.Double.Where(double.IsFinite).Sample(d =>
        {
            foreach (var format in new[] { "R", "G15", "F10", "F1", "E6", "G6" })
            {
                var text = d.ToString(format, CultureInfo.InvariantCulture);
                if (!DecimalParser.TryParse(Encoding.ASCII.GetBytes(text), out var value)) continue;
                Assert.Equal(BitConverter.DoubleToInt64Bits(double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture)), BitConverter.DoubleToInt64Bits(value));
            }
        }, iter: 100_000);
    }

    [Theory]
    [InlineData("0", 0.0)]
    [InlineData("-0", -0.0)]
    [InlineData("12.3", 12.3)]
    [InlineData("-0.6264538107", -0.6264538107)]
    [InlineData("+5", 5.0)]
    [InlineData(".5", 0.5)]
    [InlineData("5.", 5.0)]
    [InlineData("1e5", 1e5)]
    [InlineData("1.5E-3", 1.5e-3)]
    [InlineData("000123.4500", 123.45)]
    [InlineData("9007199254740992", 9007199254740992.0)]
    [InlineData("123456789012345", 123456789012345.0)]
    public void AnswersForPlainDecimals(string text, double expected)
    {
        Assert.True(DecimalParser.TryParse(Encoding.ASCII.GetBytes(text), out var value), text);
        Assert.Equal(BitConverter.DoubleToInt64Bits(expected), BitConverter.DoubleToInt64Bits(value));
    }

    [Theory]
    [InlineData("")]
    [InlineData("-")]
    [InlineData(".")]
    [InlineData("1e")]
    [InlineData("1e+")]
    [InlineData(" 1")]
    [InlineData("1 ")]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    [InlineData("1,5")]
    [InlineData("0x10")]
    [InlineData("9007199254740993")]        // beyond 2^53: double.Parse decides the rounding
    [InlineData("12345678901234567890")]    // beyond a ulong
    [InlineData("1e23")]                    // 10^23 is not an exact double
    [InlineData("1e-400")]
    public void DeclinesEverythingElse(string text) =>
        Assert.False(DecimalParser.TryParse(Encoding.ASCII.GetBytes(text), out _), text);
}
