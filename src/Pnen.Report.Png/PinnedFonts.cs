using SkiaSharp;
using Svg.Skia.TypefaceProviders;

namespace Pnen.Report.Png;

/// <summary>
/// Answers every font request of a figure with the given files (bold text with the bold file when
/// there is one), so that the PNG does not depend on which fonts a machine has installed.
/// </summary>
internal sealed class PinnedFonts : ITypefaceProvider, IDisposable
{
    private readonly SKTypeface _regular;
    private readonly SKTypeface? _bold;

    public PinnedFonts(string regularFile, string? boldFile)
    {
        _regular = SKTypeface.FromFile(regularFile) ?? throw new InvalidDataException($"'{regularFile}' is not a font Skia can read.");
        _bold = boldFile is null ? null : SKTypeface.FromFile(boldFile) ?? throw new InvalidDataException($"'{boldFile}' is not a font Skia can read.");
    }

    public SKTypeface FromFamilyName(string fontFamily, SKFontStyleWeight fontWeight, SKFontStyleWidth fontWidth, SKFontStyleSlant fontStyle) =>
        fontWeight >= SKFontStyleWeight.SemiBold && _bold is not null ? _bold : _regular;

    public void Dispose()
    {
        _regular.Dispose();
        _bold?.Dispose();
    }
}
