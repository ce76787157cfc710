using System.Globalization;
using Pnen.Dsl.Report;
using SkiaSharp;
using Svg.Skia;

namespace Pnen.Report.Png;

/// <summary>
/// Renders a report figure to PNG with Svg.Skia at a fixed scale on white. The same SVG gives the
/// same PNG bytes on one machine. Across machines the text depends on the fonts installed there
/// (the figures ask for Helvetica, Arial or Liberation Sans); pass font files to pin them.
/// </summary>
public sealed class SkiaRasterizer : IFigureRasterizer
{
    private readonly float _scale;
    private readonly string? _regularFont;
    private readonly string? _boldFont;

    /// <param name="scale">Pixels per SVG unit: 2 renders a 720-unit figure 1440 pixels wide.</param>
    /// <param name="regularFont">A TrueType/OpenType file for all text, or null for the system's fonts.</param>
    /// <param name="boldFont">The bold face to go with <paramref name="regularFont"/>; bold text uses the regular one without it.</param>
    public SkiaRasterizer(double scale = 2, string? regularFont = null, string? boldFont = null)
    {
        if (!(scale is > 0 and <= 8)) throw new ArgumentOutOfRangeException(nameof(scale), scale, "The scale must be in (0, 8].");
        if (regularFont is null && boldFont is not null) throw new ArgumentException("A bold font needs the regular one too.", nameof(boldFont));
        foreach (var file in new[] { regularFont, boldFont })
        {
            if (file is not null && !File.Exists(file)) throw new FileNotFoundException("The font file does not exist.", file);
        }
        _scale = (float)scale;
        _regularFont = regularFont;
        _boldFont = boldFont;
    }

    public string Description =>
        $"Svg.Skia {Version(typeof(SKSvg))}, SkiaSharp {Version(typeof(SKCanvas))}, scale {_scale.ToString(CultureInfo.InvariantCulture)}, " +
        (_regularFont is null ? "system fonts" : "fonts " + string.Join(" + ", new[] { _regularFont, _boldFont }.OfType<string>().Select(Path.GetFileName)));

    public byte[] Rasterize(string svg)
    {
        using var document = new SKSvg();
        using var fonts = _regularFont is null ? null : new PinnedFonts(_regularFont, _boldFont);
        if (fonts is not null)
        {
            document.Settings.TypefaceProviders ??= [];
            document.Settings.TypefaceProviders.Insert(0, fonts);
        }
        var picture = document.FromSvg(svg) ?? throw new InvalidOperationException("Svg.Skia could not read the figure.");
        var bounds = picture.CullRect;
        var width = (int)Math.Ceiling(bounds.Width * _scale);
        var height = (int)Math.Ceiling(bounds.Height * _scale);

        using var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul));
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.White);
            canvas.Scale(_scale);
            canvas.DrawPicture(picture);
        }
        using var image = SKImage.FromBitmap(bitmap);
        using var png = image.Encode(SKEncodedImageFormat.Png, 100);
        return png.ToArray();
    }

    private static string Version(Type type) => type.Assembly.GetName().Version?.ToString(3) ?? "?";
}
