using PnenSurgery;

namespace Pnen.Examples.Tests;

/// <summary>One run of the example study as `dotnet run --project examples/PnenSurgery` does it,
/// into a temporary folder, shared by the tests (the study is deterministic).</summary>
internal static class ExampleRun
{
    private static readonly Lazy<(string Folder, int Exit)> Run = new(() =>
    {
        var folder = Path.Combine(Directory.CreateTempSubdirectory("pnen-example-").FullName, "report");
        var exit = PnenSurgeryStudy.RunAsync(["--out", folder, "--quiet"]).GetAwaiter().GetResult();
        return (folder, exit);
    });

    public static int Exit => Run.Value.Exit;

    public static string File(string relative) => Path.Combine(Run.Value.Folder, relative);

    public static string Text(string relative) => System.IO.File.ReadAllText(File(relative));

    /// <summary>The typed result, computed the way the report's is.</summary>
    public static PnenSurgeryStudyResult Result { get; } = PnenSurgeryStudy.Execute(Dsl.Codebook.Load<Patient>(DataReader(), "pnen-shm-synthetic.csv"));

    /// <summary>The study's embedded data, as its RunAsync reads it without --data.</summary>
    public static TextReader DataReader() =>
        new StreamReader(typeof(Patient).Assembly.GetManifestResourceStream("PnenSurgery.Data.pnen-shm-synthetic.csv")!);
}
