using Pnen.Dsl.Report;

namespace Pnen.Dsl.Hosting;

/// <summary>Writes the report of a run into its output folder, in the formats asked for.</summary>
internal static class StudyOutputs
{
    public static void Write<TX>(StudyRun<TX> run, StudyConsole console, IReadOnlyList<ReportSection> additionalSections) where TX : notnull
    {
        console.Step($"writing the report to {run.Arguments.Output}");
        var output = StudyReport.Write(run.Result, new ReportOptions
        {
            OutputDirectory = run.Arguments.Output,
            Formats = Formats(run.Arguments.Formats),
            Data = new DataFingerprint(Path.GetFileName(run.DataSource), run.DataSha256),
            PlanFingerprint = run.PlanFingerprint,
            AdditionalSections = additionalSections,
            SuppressBelow = run.Arguments.SuppressBelow,
            Rasterizer = run.Arguments.Formats.Contains("docx") ? FigureRasterizers.Find() : null,
        });
        run.Written = output.Files.Select(f => f.Path).ToArray();
    }

    private static ReportFormats Formats(IReadOnlySet<string> names)
    {
        var formats = ReportFormats.None;
        if (names.Contains("html")) formats |= ReportFormats.Html;
        if (names.Contains("md")) formats |= ReportFormats.Markdown;
        if (names.Contains("csv")) formats |= ReportFormats.Csv;
        if (names.Contains("json")) formats |= ReportFormats.Json;
        if (names.Contains("docx")) formats |= ReportFormats.Docx;
        return formats;
    }
}
