using System.Text;

namespace Pnen.Data.Formats;

/// <summary>
/// Strict decoders for the text inside binary files: a byte that is not valid in the file's
/// encoding is an error, never a silent U+FFFD.
/// </summary>
internal static class TextDecoding
{
    public static readonly Encoding Utf8 = new UTF8Encoding(false, throwOnInvalidBytes: true);

    public static readonly Encoding Windows1252 = Strict(CodePagesEncodingProvider.Instance.GetEncoding(1252)!);

    /// <summary>The encoding an IANA or Windows name stands for, strict; null when Pnen does not know it.</summary>
    public static Encoding? ByName(string name)
    {
        var key = name.Trim().ToLowerInvariant();
        if (key is "utf-8" or "utf8") return Utf8;
        if (key is "windows-1252" or "cp1252") return Windows1252;
        try
        {
            var encoding = CodePagesEncodingProvider.Instance.GetEncoding(key) ?? Encoding.GetEncoding(key);
            return Strict(encoding);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    /// <summary>A Windows code page number (as SPSS records it) as a strict encoding; null when unknown.</summary>
    public static Encoding? ByCodePage(int codePage)
    {
        if (codePage == 65001) return Utf8;
        if (codePage is 2 or 20127) return Strict(Encoding.ASCII);
        if (codePage <= 0) return null;
        try
        {
            var encoding = CodePagesEncodingProvider.Instance.GetEncoding(codePage) ?? Encoding.GetEncoding(codePage);
            return Strict(encoding);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException)
        {
            return null;
        }
    }

    public static bool TryDecode(Encoding encoding, ReadOnlySpan<byte> bytes, out string text)
    {
        try
        {
            text = encoding.GetString(bytes);
            return true;
        }
        catch (DecoderFallbackException)
        {
            text = "";
            return false;
        }
    }

    /// <summary>Bytes up to the first NUL (C strings in fixed-width fields).</summary>
    public static ReadOnlySpan<byte> UntilNul(ReadOnlySpan<byte> bytes)
    {
        var end = bytes.IndexOf((byte)0);
        return end < 0 ? bytes : bytes[..end];
    }

    /// <summary>Bytes without trailing blanks (SPSS pads strings with spaces).</summary>
    public static ReadOnlySpan<byte> TrimEndBlanks(ReadOnlySpan<byte> bytes) => bytes.TrimEnd((byte)' ');

    private static Encoding Strict(Encoding encoding)
    {
        var strict = (Encoding)encoding.Clone();
        strict.DecoderFallback = DecoderFallback.ExceptionFallback;
        strict.EncoderFallback = EncoderFallback.ExceptionFallback;
        return strict;
    }
}
