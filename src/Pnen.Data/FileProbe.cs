using System.Text.Unicode;

namespace Pnen.Data;

/// <summary>
/// Cheap checks on the raw bytes of a file, to name a binary or wrongly encoded file precisely
/// instead of reporting whatever a text parser makes of it.
/// </summary>
internal static class FileProbe
{
    private const int SniffBytes = 64 * 1024;

    /// <summary>True when the start of the file holds NUL bytes and no UTF-16/32 byte-order mark:
    /// a spreadsheet, archive or other binary file given where CSV text was expected.</summary>
    public static bool LooksBinary(string path)
    {
        using var stream = File.OpenRead(path);
        var buffer = new byte[SniffBytes];
        var read = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        var head = buffer.AsSpan(0, read);
        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || head.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])) return false;
        return head.Contains((byte)0);
    }

    /// <summary>The 1-based line of the first byte sequence that is not UTF-8, and that byte; null when the file is valid UTF-8.</summary>
    public static (long Line, byte Value)? FirstInvalidUtf8(string path)
    {
        using var stream = File.OpenRead(path);
        var buffer = new byte[1 << 20];
        long line = 1;
        var carry = 0;
        while (true)
        {
            var read = stream.Read(buffer, carry, buffer.Length - carry);
            var length = carry + read;
            if (length == 0) return null;
            var span = buffer.AsSpan(0, length);
            var status = Utf8.ToUtf16(span, new char[length], out var consumed, out _, replaceInvalidSequences: false, isFinalBlock: read == 0);
            line += span[..consumed].Count((byte)'\n');
            if (status == System.Buffers.OperationStatus.InvalidData) return (line, span[consumed]);
            if (read == 0) return null;
            // Keep an incomplete sequence at the end of the buffer for the next round.
            carry = length - consumed;
            span[consumed..].CopyTo(buffer);
        }
    }
}
