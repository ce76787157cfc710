using System.Buffers.Binary;
using System.Globalization;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using A = DocumentFormat.OpenXml.Drawing;
using DW = DocumentFormat.OpenXml.Drawing.Wordprocessing;
using PIC = DocumentFormat.OpenXml.Drawing.Pictures;

namespace Pnen.Dsl.Report;

/// <summary>
/// Figures embedded as PNG image parts, drawn inline at the SVG's size (1 SVG unit = 1/96 inch, as
/// a browser shows it) or narrower to fit between the margins, keeping the PNG's aspect ratio.
/// </summary>
internal sealed partial class DocxFigures(MainDocumentPart main)
{
    private const long EmuPerTwip = 635;
    private const long EmuPerPixel = 9525;
    private int _count;

    public Paragraph Add(ReportFigure figure, byte[] png)
    {
        var number = ++_count;
        var id = DocxIds.Figure(number);
        var part = main.AddImagePart(ImagePartType.Png, id);
        using (var data = new MemoryStream(png, writable: false)) part.FeedData(data);

        var (pixelWidth, pixelHeight) = PngSize(png);
        var svgWidth = SvgWidth(figure.Svg) ?? pixelWidth;
        var cx = Math.Min((long)Math.Round(svgWidth * EmuPerPixel), DocxPage.TextWidthTwips * EmuPerTwip);
        var cy = (long)Math.Round(cx * (double)pixelHeight / pixelWidth);
        var name = figure.FileName + ".png";

        var inline = new DW.Inline(
            new DW.Extent { Cx = cx, Cy = cy },
            new DW.EffectExtent { LeftEdge = 0, TopEdge = 0, RightEdge = 0, BottomEdge = 0 },
            new DW.DocProperties { Id = (uint)number, Name = name, Description = figure.Caption },
            new DW.NonVisualGraphicFrameDrawingProperties(new A.GraphicFrameLocks { NoChangeAspect = true }),
            new A.Graphic(new A.GraphicData(
                new PIC.Picture(
                    new PIC.NonVisualPictureProperties(new PIC.NonVisualDrawingProperties { Id = 0U, Name = name }, new PIC.NonVisualPictureDrawingProperties()),
                    new PIC.BlipFill(new A.Blip { Embed = id }, new A.Stretch(new A.FillRectangle())),
                    new PIC.ShapeProperties(
                        new A.Transform2D(new A.Offset { X = 0L, Y = 0L }, new A.Extents { Cx = cx, Cy = cy }),
                        new A.PresetGeometry(new A.AdjustValueList()) { Preset = A.ShapeTypeValues.Rectangle })))
            { Uri = "http://schemas.openxmlformats.org/drawingml/2006/picture" }))
        {
            DistanceFromTop = 0U,
            DistanceFromBottom = 0U,
            DistanceFromLeft = 0U,
            DistanceFromRight = 0U,
        };
        return new Paragraph(new ParagraphProperties(new KeepNext(), new Justification { Val = JustificationValues.Left }), new Run(new Drawing(inline)));
    }

    /// <summary>Width and height from the PNG's IHDR chunk (bytes 16-23, big-endian).</summary>
    private static (int Width, int Height) PngSize(byte[] png)
    {
        if (png.Length < 24 || png[12] != 'I' || png[13] != 'H' || png[14] != 'D' || png[15] != 'R')
        {
            throw new InvalidOperationException("The rasterizer did not return a PNG.");
        }
        return (BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)), BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20)));
    }

    private static double? SvgWidth(string svg) =>
        WidthAttribute().Match(svg) is { Success: true } m ? double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : null;

    [GeneratedRegex("<svg[^>]*\\swidth=\"([0-9.]+)\"")]
    private static partial Regex WidthAttribute();
}
