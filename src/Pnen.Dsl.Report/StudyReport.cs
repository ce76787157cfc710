using System.Text;

namespace Pnen.Dsl.Report;

/// <summary>
/// The report of a study: <c>StudyReport.Write(result, new ReportOptions { OutputDirectory = "report" })</c>
/// writes report.html, report.md, tables/*.csv, results.json, figures/*.svg (and *.png and
/// report.docx with a rasterizer) and manifest.json into the folder, atomically and deterministically: the same
/// result and options give the same bytes.
/// </summary>
public static class StudyReport
{
    /// <summary>Lays the report out without writing anything (e.g. to render one part in a test).</summary>
    public static ReportDocument Build<TX>(StudyResult<TX> result, ReportOptions options) where TX : notnull =>
        Lay(result, options, Disclose(result, options)).Document;

    /// <summary>Which counts the report may show: all, unless <see cref="ReportOptions.SuppressBelow"/> is set.</summary>
    private static Disclosure Disclose<TX>(StudyResult<TX> result, ReportOptions options) where TX : notnull
    {
        if (options.SuppressBelow is < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.SuppressBelow, "SuppressBelow hides counts from 1 to the threshold - 1: it must be at least 2 (e.g. 11).");
        }
        return DisclosureBuilder.Build(result, options.SuppressBelow);
    }

    /// <summary>Writes the report into <see cref="ReportOptions.OutputDirectory"/>, replacing an
    /// earlier report there as a whole, and returns what was written.</summary>
    public static ReportOutput Write<TX>(StudyResult<TX> result, ReportOptions options) where TX : notnull
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(options);
        if (options.Formats.HasFlag(ReportFormats.Png) && options.Rasterizer is null)
        {
            throw new ArgumentException("PNG figures need a rasterizer (ReportOptions.Rasterizer), e.g. the one in Pnen.Report.Png.", nameof(options));
        }
        if (options.Formats.HasFlag(ReportFormats.Docx) && options.Rasterizer is null)
        {
            throw new ArgumentException("report.docx embeds its figures as PNG: it needs a rasterizer (ReportOptions.Rasterizer), e.g. the one in Pnen.Report.Png.", nameof(options));
        }

        var disclosure = Disclose(result, options);
        var built = Lay(result, options, disclosure);
        var document = built.Document;
        var files = new List<PendingFile>();
        if (options.Formats.HasFlag(ReportFormats.Html)) files.Add(Text("report.html", HtmlRenderer.Render(document)));
        if (options.Formats.HasFlag(ReportFormats.Markdown)) files.Add(Text("report.md", MarkdownRenderer.Render(document)));
        if (options.Formats.HasFlag(ReportFormats.Json)) files.Add(Text("results.json", ResultsJson.Write(result, disclosure)));
        // Each figure is rasterized once, for figures/*.png and report.docx alike.
        var pngs = new Dictionary<ReportFigure, Lazy<byte[]>>(ReferenceEqualityComparer.Instance);
        byte[] Png(ReportFigure figure)
        {
            lock (pngs)
            {
                if (!pngs.TryGetValue(figure, out var png)) pngs[figure] = png = new Lazy<byte[]>(() => options.Rasterizer!.Rasterize(figure.Svg));
                return png.Value;
            }
        }
        if (options.Formats.HasFlag(ReportFormats.Docx)) files.Add(new PendingFile("report.docx", () => DocxRenderer.Render(document, Png)));
        if (options.Formats.HasFlag(ReportFormats.Csv))
        {
            files.AddRange(document.Tables.Select(t => Text($"tables/{t.FileName}.csv", CsvRenderer.Render(t))));
        }
        foreach (var figure in document.Figures.Concat(built.SupplementaryFigures))
        {
            files.Add(Text($"figures/{figure.FileName}.svg", figure.Svg));
            if (options.Formats.HasFlag(ReportFormats.Png))
            {
                var shown = figure;
                files.Add(new PendingFile($"figures/{figure.FileName}.png", () => Png(shown)));
            }
        }
        CheckUnique(files);

        var written = AtomicFolder.Replace(options.OutputDirectory, files,
            all => Text(ReportManifest.FileName, ReportManifest.Write(result.Name, options, all)));
        return new ReportOutput(Path.TrimEndingDirectorySeparator(Path.GetFullPath(options.OutputDirectory)), written);
    }

    private static BuiltReport Lay<TX>(StudyResult<TX> result, ReportOptions options, Disclosure disclosure) where TX : notnull
    {
        var provenance = $"Pnen {ReportManifest.PnenVersion} on .NET {ReportManifest.DotnetVersion}"
            + (options.Data is { } data ? $"; data {data.Name}, SHA-256 {data.Sha256}" : "")
            + (options.PlanFingerprint is { } plan ? $"; plan {plan}" : "")
            + ".";
        return ReportBuilder<TX>.Build(result, options, disclosure, provenance);
    }

    private static PendingFile Text(string path, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text.Replace("\r\n", "\n", StringComparison.Ordinal));
        return new PendingFile(path, () => bytes);
    }

    private static void CheckUnique(IEnumerable<PendingFile> files)
    {
        var duplicate = files.GroupBy(f => f.Path, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw new InvalidOperationException($"Two parts of the report would both be written to '{duplicate.Key}'; give added tables and figures unique file names.");
    }
}
