namespace Pnen.Dsl.Report;

/// <summary>
/// Text widths for sizing boxes and columns without a font engine: the advance widths of DejaVu Sans
/// (bold: DejaVu Sans Bold), the widest of the common sans-serif fonts, so that text sized here fits
/// whichever of Helvetica, Arial, Liberation Sans or DejaVu Sans the reader's machine draws it with
/// (Helvetica's widths, used before, left DejaVu text running over its boxes). The table is read
/// from the font files by scripts/dejavu-widths.py; italic text uses the upright widths (DejaVu's
/// oblique faces share them). A character outside the table counts as one em, wider than any
/// letter of these fonts. Kerning only narrows text, so the sum of advances is an upper bound.
/// Deterministic by construction.
/// </summary>
internal static class TextMetrics
{
    private const int Unknown = 1000;

    public static double Width(string text, double size, bool bold = false)
    {
        var table = bold ? DejaVuWidths.Bold : DejaVuWidths.Regular;
        var units = 0.0;
        foreach (var c in text) units += Advance(table, c);
        return units / 1000 * size;
    }

    private static int Advance(short[] table, char c)
    {
        var offset = 0;
        foreach (var (first, last) in DejaVuWidths.Ranges)
        {
            if (c >= first && c <= last)
            {
                var width = table[offset + c - first];
                return width < 0 ? Unknown : width;
            }
            offset += last - first + 1;
        }
        return Unknown;
    }

    /// <summary>Splits text into lines no wider than <paramref name="maxWidth"/>, at spaces (a word
    /// longer than the width stays whole on its own line).</summary>
    public static IReadOnlyList<string> Wrap(string text, double size, double maxWidth, bool bold = false)
    {
        var lines = new List<string>();
        var current = "";
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = current.Length == 0 ? word : current + " " + word;
            if (current.Length > 0 && Width(candidate, size, bold) > maxWidth)
            {
                lines.Add(current);
                current = word;
            }
            else
            {
                current = candidate;
            }
        }
        if (current.Length > 0 || lines.Count == 0) lines.Add(current);
        return lines;
    }
}
