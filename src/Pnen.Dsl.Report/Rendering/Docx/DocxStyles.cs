using DocumentFormat.OpenXml.Wordprocessing;

namespace Pnen.Dsl.Report;

/// <summary>
/// The document's styles: Arial (metric twin of Liberation Sans and Helvetica) at 10 pt, headings,
/// table titles kept with their table, 9 pt table cells, 8 pt footnotes. Users restyle a report by
/// changing these named styles in Word.
/// </summary>
internal static class DocxStyles
{
    public const string Body = "Normal";
    public const string Title = "Title";
    public const string Heading = "Heading1";
    public const string Provenance = "Provenance";
    public const string TableTitle = "TableTitle";
    public const string TableText = "TableText";
    public const string TableNote = "TableNote";
    public const string Caption = "Caption";
    public const string Bullet = "ListBullet";

    public static Styles Create()
    {
        var styles = new Styles(new DocDefaults(
            new RunPropertiesDefault(new RunPropertiesBaseStyle(
                new RunFonts { Ascii = "Arial", HighAnsi = "Arial", ComplexScript = "Arial", EastAsia = "Arial" },
                new FontSize { Val = "20" }, new FontSizeComplexScript { Val = "20" }, new Languages { Val = "en-GB" })),
            new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(new SpacingBetweenLines { After = "120", Line = "264", LineRule = LineSpacingRuleValues.Auto }))));
        styles.Append(Paragraph(Body, "Normal", null, isDefault: true));
        styles.Append(Paragraph(Title, "Title", null, run: [new Bold(), new FontSize { Val = "32" }], paragraph: [new SpacingBetweenLines { After = "60" }]));
        styles.Append(Paragraph(Provenance, "Provenance", null, run: [new Italic(), new Color { Val = "595959" }, new FontSize { Val = "16" }], paragraph: [new SpacingBetweenLines { After = "240" }]));
        styles.Append(Paragraph(Heading, "heading 1", null, run: [new Bold(), new FontSize { Val = "26" }],
            paragraph: [new KeepNext(), new SpacingBetweenLines { Before = "360", After = "120" }, new OutlineLevel { Val = 0 }]));
        styles.Append(Paragraph(TableTitle, "Table title", null, run: [new Bold()], paragraph: [new KeepNext(), new SpacingBetweenLines { Before = "240", After = "80" }]));
        styles.Append(Paragraph(TableText, "Table text", null, run: [new FontSize { Val = "18" }], paragraph: [new SpacingBetweenLines { Before = "20", After = "20", Line = "240", LineRule = LineSpacingRuleValues.Auto }]));
        styles.Append(Paragraph(TableNote, "Table note", null, run: [new Color { Val = "333333" }, new FontSize { Val = "16" }], paragraph: [new SpacingBetweenLines { After = "20" }]));
        styles.Append(Paragraph(Caption, "caption", null, run: [new Italic(), new FontSize { Val = "18" }], paragraph: [new SpacingBetweenLines { After = "240" }]));
        styles.Append(Paragraph(Bullet, "List Bullet", null,
            paragraph: [new Tabs(new TabStop { Val = TabStopValues.Left, Position = 284 }), new SpacingBetweenLines { After = "60" }, new Indentation { Left = "284", Hanging = "284" }]));
        return styles;
    }

    private static Style Paragraph(string id, string name, string? basedOn, bool isDefault = false,
        DocumentFormat.OpenXml.OpenXmlElement[]? run = null, DocumentFormat.OpenXml.OpenXmlElement[]? paragraph = null)
    {
        var style = new Style { Type = StyleValues.Paragraph, StyleId = id };
        if (isDefault) style.Default = true;
        style.Append(new StyleName { Val = name });
        if (basedOn is not null) style.Append(new BasedOn { Val = basedOn });
        else if (!isDefault) style.Append(new BasedOn { Val = Body });
        style.Append(new PrimaryStyle());
        if (paragraph is { Length: > 0 }) style.Append(new StyleParagraphProperties(paragraph));
        if (run is { Length: > 0 }) style.Append(new StyleRunProperties(run));
        return style;
    }
}
