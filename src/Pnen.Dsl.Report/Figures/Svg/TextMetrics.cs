namespace Pnen.Dsl.Report;

/// <summary>
/// Estimated text widths, for sizing boxes and columns without a font engine: Helvetica's advance
/// widths (Adobe AFM, per 1000 em) for printable ASCII; Arial and Liberation Sans share them. Other
/// characters count as a digit. Bold text is estimated 7% wider. Deterministic by construction.
/// </summary>
internal static class TextMetrics
{
    private static readonly short[] Ascii =
    [
        // space ! " # $ % & ' ( ) * + , - . /
        278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278,
        // 0-9
        556, 556, 556, 556, 556, 556, 556, 556, 556, 556,
        // : ; < = > ? @
        278, 278, 584, 584, 584, 556, 1015,
        // A-Z
        667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611,
        // [ \ ] ^ _ `
        278, 278, 278, 469, 556, 333,
        // a-z
        556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500,
        // { | } ~
        334, 260, 334, 584,
    ];

    public static double Width(string text, double size, bool bold = false)
    {
        var units = 0.0;
        foreach (var c in text)
        {
            units += c switch
            {
                >= ' ' and <= '~' => Ascii[c - ' '],
                '\u2014' => 1000,          // em dash
                '\u00a0' => 278,           // no-break space
                '\u2264' or '\u2265' => 549, // ≤ ≥
                _ => 556,
            };
        }
        return units / 1000 * size * (bold ? 1.07 : 1);
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
