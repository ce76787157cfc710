using System.Security.Cryptography;
using Pnen.Data;

namespace Pnen.Dsl.Hosting;

/// <summary>
/// What a study's generated <c>RunAsync(args)</c> does: read the options, load and validate the
/// data, run the plan, write the report, and say where it is. User mistakes (options, data) give
/// exit code 2 and a message naming what is wrong; nothing is half-written.
/// </summary>
public static class StudyHost
{
    public const int Ok = 0;
    public const int InternalError = 1;
    public const int UserError = 2;

    /// <param name="sections">Sections the study adds to its report (e.g. a reproduction audit), built from the result.</param>
    public static Task<int> RunAsync<T, TX>(
        StudyPlan<T, TX> plan, string[] args, StudyRunSettings settings, TextWriter? stdout = null, TextWriter? stderr = null,
        Func<StudyResult<TX>, IReadOnlyList<Report.ReportSection>>? sections = null)
        where T : ICodebook<T> where TX : notnull
    {
        stdout ??= Console.Out;
        stderr ??= Console.Error;
        StudyArguments arguments;
        try
        {
            arguments = StudyArguments.Parse(args, settings.DefaultOutput);
        }
        catch (ArgumentException e)
        {
            stderr.Write($"{settings.StudyName}: {e.Message}\n\n{StudyArguments.Usage}");
            return Task.FromResult(UserError);
        }
        if (arguments.Help)
        {
            stdout.Write($"{settings.StudyName}\n\n{StudyArguments.Usage}");
            return Task.FromResult(Ok);
        }
        // Said before the data are read and analysed, not after.
        if (arguments.Formats.Contains("docx") && FigureRasterizers.Find() is null)
        {
            stderr.Write($"{settings.StudyName}: {FigureRasterizers.Missing}\n");
            return Task.FromResult(UserError);
        }

        var redirected = !ReferenceEquals(stdout, Console.Out) || Console.IsOutputRedirected;
        var console = new StudyConsole(stdout, arguments.Quiet, showProgress: !redirected);
        try
        {
            var (data, hash) = arguments.DuckDb ? StudyDuckDb.Load<T>(arguments) : Load<T>(arguments, settings);
            // A header without records is a mistake in the file (an export that wrote nothing), as
            // for the pnen command; a study of nobody would only be a report of dashes.
            if (data.Count == 0) throw new DataException(new DataError(data.Source, null, null, null, "has a header but no data rows"));
            console.Step($"loaded {data.Count} records from {data.Source}");
            var options = new StudyExecutionOptions { Parallel = !arguments.Sequential, Progress = console.Progress };
            var result = plan.Execute(data, options);
            var run = new StudyRun<TX>(result, data.Source, hash, PlanDescription.Fingerprint(plan), arguments);
            StudyOutputs.Write(run, console, sections?.Invoke(result) ?? []);
            console.Summary(run);
            return Task.FromResult(Ok);
        }
        catch (DataException e)
        {
            stderr.Write(e.Message + "\n");
            return Task.FromResult(UserError);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The previous report, if any, is intact: the new one is swapped in only when complete.
            stderr.Write($"{settings.StudyName}: the report could not be written to {arguments.Output}: {e.Message}\n");
            return Task.FromResult(UserError);
        }
        catch (InvalidOperationException e) when (e.Source == typeof(StudyHost).Assembly.GetName().Name)
        {
            // A plan that cannot run (no outcome, an unknown confounder): the plan's author must fix it.
            stderr.Write($"{settings.StudyName}: {e.Message}\n");
            return Task.FromResult(UserError);
        }
        catch (Exception e) when (Environment.GetEnvironmentVariable("PNEN_DEBUG") is null)
        {
            // Anything else is a bug: in a lambda of the plan, or in Pnen. One line, no stack trace
            // (PNEN_DEBUG=1 lets it through), and the previous report is intact as above.
            stderr.Write($"{settings.StudyName}: unexpected error ({e.GetType().Name}: {e.Message}). " +
                "If it comes from a lambda of the plan, fix the plan; otherwise it is a bug in Pnen. Run with PNEN_DEBUG=1 for the stack trace.\n");
            return Task.FromResult(InternalError);
        }
    }

    /// <summary>The data as records and the hash of its bytes (for the manifest): from --data, else the embedded file.</summary>
    private static (CodebookData<T> Data, string Hash) Load<T>(StudyArguments arguments, StudyRunSettings settings) where T : ICodebook<T>
    {
        if (arguments.Data is { } path)
        {
            if (Directory.Exists(path)) throw new DataException(new DataError(path, null, null, null, "is a folder, not a data file"));
            if (!File.Exists(path)) throw new DataException(new DataError(path, null, null, null, "file not found"));
            byte[] bytes;
            try
            {
                bytes = File.ReadAllBytes(path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new DataException(new DataError(path, null, null, null, $"cannot be read ({e.Message})"));
            }
            // By extension: CSV, or an SPSS, Stata, Excel (--sheet) or Parquet file.
            return (Codebook.Load<T>(new MemoryStream(bytes, writable: false), path, new ReadOptions { Sheet = arguments.Sheet }), Hash(bytes));
        }
        if (settings.Assembly is null || settings.EmbeddedData is null)
        {
            throw new DataException(new DataError(settings.StudyName, null, null, null, "no --data was given and the study embeds no data file"));
        }
        var resource = settings.Assembly.GetManifestResourceNames().SingleOrDefault(n => n.EndsWith(settings.EmbeddedData, StringComparison.Ordinal))
            ?? throw new DataException(new DataError(settings.EmbeddedData, null, null, null, "the embedded data file is missing from the study's assembly"));
        using var stream = settings.Assembly.GetManifestResourceStream(resource)!;
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        var data = copy.ToArray();
        return (Codebook.Load<T>(new MemoryStream(data, writable: false), settings.EmbeddedData, ReadOptions.Default), Hash(data));
    }

    private static string Hash(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}
