using ColonAdjuvant;

namespace Pnen.Examples.Tests.Colon;

/// <summary>One run of the colon example as `dotnet run --project examples/ColonAdjuvant` does it, into
/// a temporary folder, shared by the tests (the study is deterministic).</summary>
internal static class ColonRun
{
    private static readonly Lazy<(string Folder, int Exit)> Run = new(() =>
    {
        var folder = Path.Combine(Directory.CreateTempSubdirectory("pnen-colon-").FullName, "report");
        var exit = ColonAdjuvantStudy.RunAsync(["--out", folder, "--quiet"]).GetAwaiter().GetResult();
        return (folder, exit);
    });

    public static int Exit => Run.Value.Exit;

    public static string File(string relative) => Path.Combine(Run.Value.Folder, relative);

    public static string Text(string relative) => System.IO.File.ReadAllText(File(relative));

    /// <summary>The typed result, computed the way the report's is (the embedded data).</summary>
    public static ColonAdjuvantStudyResult Result { get; } = ColonAdjuvantStudy.Execute(Dsl.Codebook.Load<Patient>(
        new StreamReader(typeof(Patient).Assembly.GetManifestResourceStream("ColonAdjuvant.Data.colon-deaths.csv")!), "colon-deaths.csv"));
}
