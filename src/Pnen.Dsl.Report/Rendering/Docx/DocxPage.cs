using DocumentFormat.OpenXml.Wordprocessing;

namespace Pnen.Dsl.Report;

/// <summary>The page: A4 portrait with 2 cm margins (a journal's submission format).</summary>
internal static class DocxPage
{
    public const int WidthTwips = 11906;
    public const int HeightTwips = 16838;
    public const int MarginTwips = 1134;

    /// <summary>The width between the margins, in twips (1/1440 inch).</summary>
    public const int TextWidthTwips = WidthTwips - 2 * MarginTwips;

    public static SectionProperties Section() => new(
        new PageSize { Width = WidthTwips, Height = HeightTwips },
        new PageMargin { Top = MarginTwips, Bottom = MarginTwips, Left = MarginTwips, Right = MarginTwips, Header = 567, Footer = 567, Gutter = 0 });
}
