using System.Reflection;
using Pnen.Dsl.Report;

namespace Pnen.Dsl.Hosting;

/// <summary>
/// Finds a rasterizer for the PNG figures of report.docx without Pnen.Dsl depending on a graphics
/// library: Pnen.Report.Png's Skia rasterizer, when the study references that package (its assembly
/// is then among the program's), else none. A study that never asks for Word pays nothing.
/// </summary>
internal static class FigureRasterizers
{
    public const string Package = "Pnen.Report.Png";

    private const string TypeName = "Pnen.Report.Png.SkiaRasterizer, " + Package;

    /// <summary>What a user who asked for Word without the package is told.</summary>
    public const string Missing = "--format docx embeds the figures as PNG, which needs the " + Package +
        " package: add it to the study (dotnet add package " + Package + ") and run again";

    public static IFigureRasterizer? Find()
    {
        Type? type;
        try
        {
            type = Type.GetType(TypeName, throwOnError: false);
        }
        catch (Exception e) when (e is FileLoadException or BadImageFormatException)
        {
            return null;
        }
        if (type is null || !typeof(IFigureRasterizer).IsAssignableFrom(type)) return null;
        // Its constructor's parameters are all optional (scale 2, the system's fonts).
        return (IFigureRasterizer?)Activator.CreateInstance(type,
            BindingFlags.CreateInstance | BindingFlags.Public | BindingFlags.Instance | BindingFlags.OptionalParamBinding,
            null, type.GetConstructors().Single().GetParameters().Select(_ => Type.Missing).ToArray(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
