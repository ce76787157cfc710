namespace Pnen.Data.Fast;

/// <summary>Splits one line with a <see cref="FieldCursor"/> for code that is not hot (the header).</summary>
internal static class LineSplitter
{
    /// <summary>False when the line is unusual or does not have exactly <paramref name="expected"/> fields.</summary>
    public static bool Split(ReadOnlySpan<byte> line, byte delimiter, int expected, Action<int, ReadOnlySpan<byte>> field)
    {
        var cursor = new FieldCursor(line, delimiter);
        var index = 0;
        while (cursor.Next(out var value))
        {
            if (index >= expected) return false;
            field(index++, value);
        }
        return !cursor.Unusual && index == expected;
    }
}
