namespace Pnen.Dsl.Report;

/// <summary>Relationship ids chosen here rather than left to the SDK, so that a rerun writes the same ids.</summary>
internal static class DocxIds
{
    public const string Document = "rIdDocument";

    public const string Styles = "rIdStyles";

    public const string MainContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml";

    public static string Figure(int number) => "rIdFigure" + number.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
