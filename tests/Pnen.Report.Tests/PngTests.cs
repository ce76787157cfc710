using Pnen.Dsl.Report;
using Pnen.Report.Png;

namespace Pnen.Report.Tests;

/// <summary>
/// PNG figures: written beside the SVGs, the SVGs unchanged by asking for PNG, and the same bytes
/// when rendered twice (on one machine; across machines the system fonts may differ, which pinned
/// font files avoid).
/// </summary>
public class PngTests
{
    private static readonly byte[] Signature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    [Fact]
    public void EveryFigureGetsAPngAndTheSvgsStayTheSame()
    {
        using var scratch = new Scratch();
        var svgOnly = StudyReport.Write(LungReport.Result, LungReport.Options(Path.Combine(scratch.Root, "svg")));
        var withPng = StudyReport.Write(LungReport.Result, LungReport.Options(Path.Combine(scratch.Root, "png")) with
        {
            Formats = ReportFormats.Default | ReportFormats.Png,
            Rasterizer = new SkiaRasterizer(scale: 1),
        });

        var svgs = withPng.Files.Where(f => f.Path.EndsWith(".svg", StringComparison.Ordinal)).ToArray();
        Assert.NotEmpty(svgs);
        foreach (var svg in svgs)
        {
            Assert.Equal(File.ReadAllBytes(svgOnly.PathOf(svg.Path)), File.ReadAllBytes(withPng.PathOf(svg.Path)));
            var png = File.ReadAllBytes(withPng.PathOf(Path.ChangeExtension(svg.Path, ".png")));
            Assert.Equal(Signature, png[..8]);
            Assert.Equal(SvgWidth(File.ReadAllText(withPng.PathOf(svg.Path))), PngWidth(png));
        }
    }

    [Fact]
    public void RenderingTwiceGivesTheSameBytes()
    {
        var figure = StudyReport.Build(LungReport.Result, LungReport.Options("unused")).Figures.First(f => f.FileName == "km");
        var rasterizer = new SkiaRasterizer();
        Assert.Equal(rasterizer.Rasterize(figure.Svg), rasterizer.Rasterize(figure.Svg));
        Assert.Equal(2 * SvgWidth(figure.Svg), PngWidth(rasterizer.Rasterize(figure.Svg)));
    }

    [Fact]
    public void PinnedFontsRenderTheSameBytesTwice()
    {
        var (regular, bold) = SystemFont();
        var figure = StudyReport.Build(LungReport.Result, LungReport.Options("unused")).Figures.First(f => f.FileName == "flow");
        var first = new SkiaRasterizer(1.5, regular, bold).Rasterize(figure.Svg);
        var second = new SkiaRasterizer(1.5, regular, bold).Rasterize(figure.Svg);
        Assert.Equal(first, second);
        Assert.Contains(Path.GetFileName(regular), new SkiaRasterizer(1.5, regular, bold).Description);
    }

    /// <summary>A sans-serif pair that Debian machines have (Liberation Sans, else DejaVu Sans).</summary>
    private static (string Regular, string Bold) SystemFont()
    {
        (string, string)[] candidates =
        [
            ("/usr/share/fonts/truetype/liberation2/LiberationSans-Regular.ttf", "/usr/share/fonts/truetype/liberation2/LiberationSans-Bold.ttf"),
            ("/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf", "/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf"),
            ("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"),
        ];
        foreach (var (regular, bold) in candidates)
        {
            if (File.Exists(regular) && File.Exists(bold)) return (regular, bold);
        }
        throw new InvalidOperationException("No Liberation Sans or DejaVu Sans on this machine (apt-get install fonts-liberation2).");
    }

    private static int SvgWidth(string svg)
    {
        var start = svg.IndexOf("width=\"", StringComparison.Ordinal) + 7;
        return (int)Math.Ceiling(double.Parse(svg[start..svg.IndexOf('"', start)], System.Globalization.CultureInfo.InvariantCulture));
    }

    private static int PngWidth(byte[] png) => (png[16] << 24) | (png[17] << 16) | (png[18] << 8) | png[19];
}
