using System.Diagnostics;
using System.Globalization;
using System.Security;
using System.Text;
using System.Xml.Linq;
using SkiaSharp;

namespace Pnen.Report.Tests.Figures;

/// <summary>
/// Whether the text of report figures fits when the reader's machine has DejaVu Sans only (the widest
/// common sans-serif font; Debian's default). Every distinct text (string, size, weight, style, anchor)
/// is drawn by rsvg-convert (librsvg, Pango) under a fontconfig that sees nothing but
/// /usr/share/fonts/truetype/dejavu, and the extent of its ink is measured in the PNG. That extent,
/// placed where each figure puts the text, must lie inside the canvas, inside the interior of a box
/// (a stroked rect) that holds the text's anchor and clear of every other box, and clear of every
/// other text's ink. Linked into Pnen.Examples.Tests too, for the example studies' figures.
/// </summary>
internal static class SvgTextFit
{
    private const double Zoom = 3;
    private const double Baseline = 32;
    private const double Band = 48;
    private const string Svg = "http://www.w3.org/2000/svg";

    /// <summary>The font stack the report's figures ask for.</summary>
    public const string DefaultFamily = "Helvetica, Arial, 'Liberation Sans', sans-serif";

    /// <summary>A text as a figure draws it: what rsvg-convert's ink depends on, besides where it is.</summary>
    public sealed record Style(string Text, double Size, bool Bold, bool Italic, string Anchor, string Family = DefaultFamily);

    /// <summary>The ink of a text relative to its anchor point and baseline, in SVG units (y down).</summary>
    public sealed record Ink(double Left, double Right, double Top, double Bottom);

    private sealed record Placed(Style Style, double X, double Y, bool Vertical);

    private sealed record Box(double Left, double Top, double Right, double Bottom)
    {
        public bool Contains(double x, double y) => x > Left && x < Right && y > Top && y < Bottom;

        public bool Intersects(Box other) => Left < other.Right && other.Left < Right && Top < other.Bottom && other.Top < Bottom;

        public bool Inside(Box other) => Left >= other.Left && Right <= other.Right && Top >= other.Top && Bottom <= other.Bottom;

        public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"[{Left:0.#}, {Top:0.#}; {Right:0.#}, {Bottom:0.#}]");
    }

    /// <summary>Every problem found in the figures (name to SVG text): empty when all text fits.</summary>
    public static IReadOnlyList<string> Problems(IReadOnlyDictionary<string, string> figures)
    {
        var parsed = figures.ToDictionary(f => f.Key, f => Parse(f.Value));
        var inks = Measure(parsed.Values.SelectMany(p => p.Texts).Select(t => t.Style).Distinct().ToArray());
        var problems = new List<string>();
        foreach (var (name, figure) in parsed)
        {
            var canvas = new Box(0, 0, figure.Width, figure.Height);
            var placed = figure.Texts.Select(t => (Text: t, Ink: Where(t, inks[t.Style]))).ToArray();
            foreach (var (text, ink) in placed)
            {
                if (!ink.Inside(canvas)) problems.Add($"{name}: '{text.Style.Text}' {ink} runs off the canvas {canvas}");
                foreach (var box in figure.Boxes)
                {
                    var interior = new Box(box.Left + 1, box.Top + 1, box.Right - 1, box.Bottom - 1);
                    if (box.Contains(text.X, text.Y) ? !ink.Inside(interior) : ink.Intersects(box))
                    {
                        problems.Add($"{name}: '{text.Style.Text}' {ink} crosses the box {box}");
                    }
                }
            }
            for (var i = 0; i < placed.Length; i++)
            {
                for (var j = i + 1; j < placed.Length; j++)
                {
                    if (placed[i].Ink.Intersects(placed[j].Ink))
                    {
                        problems.Add($"{name}: '{placed[i].Text.Style.Text}' {placed[i].Ink} overlaps '{placed[j].Text.Style.Text}' {placed[j].Ink}");
                    }
                }
            }
        }
        return problems;
    }

    /// <summary>The ink of each style as rsvg-convert draws it with DejaVu only.</summary>
    public static IReadOnlyDictionary<Style, Ink> Measure(IReadOnlyList<Style> styles)
    {
        var result = new Dictionary<Style, Ink>();
        // Batches of similar length, so that short texts are not drawn on a canvas as wide as the longest.
        var ordered = styles.OrderBy(s => s.Text.Length * s.Size).ToArray();
        const int batch = 50;
        for (var start = 0; start < ordered.Length; start += batch)
        {
            var chunk = ordered.Skip(start).Take(batch).ToArray();
            // Each text on a band of its own, anchored in the middle of a canvas wide enough for it on either side.
            var half = 20 + chunk.Max(s => s.Text.Length * s.Size * 1.1);
            var width = Math.Ceiling(2 * half);
            var height = Band * chunk.Length;
            var svg = new StringBuilder();
            svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"{Svg}\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\">\n");
            for (var i = 0; i < chunk.Length; i++)
            {
                var s = chunk[i];
                svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{half}\" y=\"{Band * i + Baseline}\" font-family=\"{SecurityElement.Escape(s.Family)}\" font-size=\"{s.Size}\" text-anchor=\"{s.Anchor}\"");
                if (s.Bold) svg.Append(" font-weight=\"bold\"");
                if (s.Italic) svg.Append(" font-style=\"italic\"");
                svg.Append('>').Append(SecurityElement.Escape(s.Text)).Append("</text>\n");
            }
            svg.Append("</svg>\n");
            using var bitmap = SKBitmap.Decode(Render(svg.ToString()));
            var alpha = Alpha(bitmap);
            var stride = bitmap.Width;
            for (var i = 0; i < chunk.Length; i++)
            {
                int top = (int)(Band * i * Zoom), bottom = Math.Min((int)(Band * (i + 1) * Zoom), bitmap.Height);
                int minX = int.MaxValue, maxX = -1, minY = int.MaxValue, maxY = -1;
                for (var y = top; y < bottom; y++)
                {
                    var row = alpha.AsSpan(y * stride, stride);
                    for (var x = 0; x < row.Length; x++)
                    {
                        if (row[x] < 40) continue;
                        minX = Math.Min(minX, x);
                        maxX = Math.Max(maxX, x);
                        minY = Math.Min(minY, y);
                        maxY = Math.Max(maxY, y);
                    }
                }
                var baseline = Band * i + Baseline;
                result[chunk[i]] = maxX < 0
                    ? new Ink(0, 0, 0, 0)
                    : new Ink(minX / Zoom - half, (maxX + 1) / Zoom - half, minY / Zoom - baseline, (maxY + 1) / Zoom - baseline);
            }
        }
        return result;
    }

    /// <summary>The alpha of every pixel, row by row.</summary>
    private static byte[] Alpha(SKBitmap bitmap)
    {
        using var converted = new SKBitmap(new SKImageInfo(bitmap.Width, bitmap.Height, SKColorType.Alpha8, SKAlphaType.Premul));
        if (!bitmap.CopyTo(converted, SKColorType.Alpha8)) throw new InvalidOperationException("Could not read the render's alpha.");
        var bytes = new byte[bitmap.Width * bitmap.Height];
        for (var y = 0; y < bitmap.Height; y++) converted.GetPixelSpan().Slice(y * converted.RowBytes, bitmap.Width).CopyTo(bytes.AsSpan(y * bitmap.Width));
        return bytes;
    }

    private static Box Where(Placed text, Ink ink) => text.Vertical
        // rotate(-90) about the anchor: (dx, dy) goes to (dy, -dx).
        ? new Box(text.X + ink.Top, text.Y - ink.Right, text.X + ink.Bottom, text.Y - ink.Left)
        : new Box(text.X + ink.Left, text.Y + ink.Top, text.X + ink.Right, text.Y + ink.Bottom);

    private static (double Width, double Height, IReadOnlyList<Placed> Texts, IReadOnlyList<Box> Boxes) Parse(string svg)
    {
        var root = XDocument.Parse(svg).Root!;
        double D(XElement e, string name) => double.Parse((string?)e.Attribute(name) ?? "0", CultureInfo.InvariantCulture);
        var family = (string?)root.Attribute("font-family") ?? DefaultFamily;
        var texts = root.Descendants(XName.Get("text", Svg)).Select(t => new Placed(
            new Style(t.Value, D(t, "font-size"), (string?)t.Attribute("font-weight") == "bold", (string?)t.Attribute("font-style") == "italic", (string?)t.Attribute("text-anchor") ?? "start", family),
            D(t, "x"), D(t, "y"), ((string?)t.Attribute("transform"))?.StartsWith("rotate(-90", StringComparison.Ordinal) == true)).ToArray();
        var boxes = root.Descendants(XName.Get("rect", Svg)).Where(r => r.Attribute("stroke") is not null)
            .Select(r => new Box(D(r, "x"), D(r, "y"), D(r, "x") + D(r, "width"), D(r, "y") + D(r, "height"))).ToArray();
        return (D(root, "width"), D(root, "height"), texts, boxes);
    }

    /// <summary>rsvg-convert at <see cref="Zoom"/>× with DejaVu as the only fonts.</summary>
    private static byte[] Render(string svg)
    {
        var start = new ProcessStartInfo("rsvg-convert", ["-z", Zoom.ToString(CultureInfo.InvariantCulture), "-f", "png"])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["FONTCONFIG_FILE"] = DejaVuOnly.Value;
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException("This test draws figures with rsvg-convert: install it (Debian: apt-get install librsvg2-bin fonts-dejavu-core; .ci/run does).", e);
        }
        using (process)
        {
            var error = process.StandardError.ReadToEndAsync();
            using var output = new MemoryStream();
            var copy = process.StandardOutput.BaseStream.CopyToAsync(output);
            process.StandardInput.Write(svg);
            process.StandardInput.Close();
            copy.Wait();
            process.WaitForExit();
            if (process.ExitCode != 0) throw new InvalidOperationException($"rsvg-convert failed: {error.Result}");
            return output.ToArray();
        }
    }

    /// <summary>A fontconfig file that sees only DejaVu and answers every family with DejaVu Sans, as a
    /// Debian machine with fonts-dejavu-core alone does.</summary>
    private static readonly Lazy<string> DejaVuOnly = new(() =>
    {
        const string fonts = "/usr/share/fonts/truetype/dejavu";
        if (!File.Exists(Path.Combine(fonts, "DejaVuSans.ttf")))
        {
            throw new InvalidOperationException($"This test needs DejaVu Sans in {fonts} (Debian: apt-get install fonts-dejavu-core; .ci/run does).");
        }
        var folder = Directory.CreateTempSubdirectory("pnen-fontconfig-").FullName;
        var file = Path.Combine(folder, "fonts.conf");
        File.WriteAllText(file, $"""
            <?xml version="1.0"?>
            <!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">
            <fontconfig>
              <dir>{fonts}</dir>
              <cachedir>{folder}/cache</cachedir>
              <match target="pattern"><edit name="family" mode="append_last"><string>DejaVu Sans</string></edit></match>
            </fontconfig>
            """);
        return file;
    });
}
