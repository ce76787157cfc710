using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.RegularExpressions;
using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;

namespace Pnen.Templates.Tests;

/// <summary>
/// The pnen-study template ships its report snapshot (a generated project's `dotnet test` must pass as
/// generated, and a missing snapshot fails). These tests keep that snapshot true for this checkout of
/// Pnen: when the report changes, the template's ReportTests.Report.verified.md must change with it.
/// On a mismatch the new text is written beside it as ReportTests.Report.received.md (ignored by git);
/// PNEN_ACCEPT=1 writes it as the verified file. The version in the snapshot is the token PNEN_VERSION,
/// which `dotnet new` replaces with the version the template was packed with.
/// </summary>
public sealed class TemplateTests : IDisposable
{
    private const string VersionToken = "PNEN_VERSION";

    private readonly string _folder = Directory.CreateTempSubdirectory("pnen-template-test-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static string Template([CallerFilePath] string here = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(here)!, "..", "..", "templates", "content", "pnen-study"));

    private static string Verified => Path.Combine(Template(), "Pnen-Study1.Tests", "ReportTests.Report.verified.md");

    /// <summary>Pnen's version as the report prints it: the informational version without "+commit".</summary>
    private static string PnenVersion
    {
        get
        {
            var informational = typeof(Pnen.Dsl.Codebook).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion;
            var plus = informational.IndexOf('+', StringComparison.Ordinal);
            return plus < 0 ? informational : informational[..plus];
        }
    }

    [Fact]
    public async Task TheShippedSnapshotIsTheReportTheTemplatesStudyWrites()
    {
        var output = Path.Combine(_folder, "report");
        var exit = await Pnen_Study1.CohortStudy.RunAsync(["--out", output, "--quiet"]);
        Assert.Equal(0, exit);
        Assert.True(File.Exists(Path.Combine(output, "report.html")));

        var report = Normalize(File.ReadAllText(Path.Combine(output, "report.md")));
        Assert.Contains("Pnen " + PnenVersion + " on", report, StringComparison.Ordinal);
        var received = report.Replace("Pnen " + PnenVersion + " on", "Pnen " + VersionToken + " on", StringComparison.Ordinal);
        var verified = File.Exists(Verified) ? Normalize(File.ReadAllText(Verified)) : null;
        var receivedPath = Verified.Replace(".verified.", ".received.", StringComparison.Ordinal);
        if (verified == received)
        {
            File.Delete(receivedPath);
            return;
        }
        if (Environment.GetEnvironmentVariable("PNEN_ACCEPT") is "1" or "true")
        {
            File.WriteAllText(Verified, received, new UTF8Encoding(false));
            File.Delete(receivedPath);
            return;
        }
        File.WriteAllText(receivedPath, received, new UTF8Encoding(false));
        Assert.Fail(verified is null
            ? $"The template ships no snapshot {Verified}. The report was written to {receivedPath}."
            : $"The template's snapshot differs from this Pnen's report (- shipped, + now). The new text is in {receivedPath}; " +
              $"accept it with PNEN_ACCEPT=1 if the change is intended.\n{Diff(verified, received)}");
    }

    [Fact]
    public void EveryTokenInTheContentIsASymbolOfTemplateJson()
    {
        var json = File.ReadAllText(Path.Combine(Template(), ".template.config", "template.json"));
        var declared = Regex.Matches(json, "\"replaces\": \"([A-Z_]+)\"").Select(m => m.Groups[1].Value).ToHashSet();
        Assert.Equal(["PNEN_VERSION", "TEST_SDK_VERSION", "XUNIT_RUNNER_VERSION", "XUNIT_VERSION"], declared.Order());
        var used = Directory.EnumerateFiles(Template(), "*", SearchOption.AllDirectories)
            .Where(f => !f.Contains(".template.config", StringComparison.Ordinal) && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal) && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => Regex.Matches(File.ReadAllText(f), @"\b[A-Z][A-Z_]*_VERSION\b").Select(m => m.Value))
            .ToHashSet();
        Assert.Equal(declared.Order(), used.Order());
        // Each placeholder of the committed template.json is filled in by the pack (Pnen.Templates.csproj).
        Assert.Equal(["@PnenVersion@", "@TestSdkVersion@", "@XunitRunnerVersion@", "@XunitVersion@"],
            Regex.Matches(json, "@[A-Za-z]+@").Select(m => m.Value).Order());
    }

    [Fact]
    public void TheSnapshotDoesNotDependOnTheProjectName()
    {
        // `dotnet new pnen-study -n X` replaces the source name everywhere; the report must not mention it.
        var snapshot = File.ReadAllText(Verified);
        Assert.DoesNotContain("Pnen-Study1", snapshot, StringComparison.Ordinal);
        Assert.DoesNotContain("Pnen_Study1", snapshot, StringComparison.Ordinal);
    }

    [Fact]
    public void PathsUseTheNameAndCodeUsesTheNamespaceForm()
    {
        // The source name "Pnen-Study1" has a different identity form (folders, files: "my-study.v2") and
        // namespace form (code: "my_study.v2"), so `dotnet new` can tell which one to write where. A path
        // written with the namespace form would point at a folder that does not exist.
        var json = File.ReadAllText(Path.Combine(Template(), ".template.config", "template.json"));
        Assert.Contains("\"sourceName\": \"Pnen-Study1\"", json, StringComparison.Ordinal);
        foreach (var file in ContentFiles())
        {
            var text = File.ReadAllText(file);
            if (Path.GetExtension(file) == ".cs") Assert.DoesNotContain("Pnen-Study1", text, StringComparison.Ordinal);
            Assert.DoesNotMatch(@"Pnen_Study1(\.Tests)?(/|\\|\.csproj|\.slnx)", text);
        }
    }

    [Fact]
    public void EveryProjectPathPointsAtAFileOfTheTemplate()
    {
        var references = ContentFiles()
            .Where(f => Path.GetExtension(f) is ".csproj" or ".slnx")
            .SelectMany(f => System.Xml.Linq.XDocument.Load(f).Descendants()
                .Where(e => e.Name.LocalName is "ProjectReference" or "Project" or "None" or "EmbeddedResource")
                .Select(e => (string?)e.Attribute("Include") ?? (string?)e.Attribute("Path"))
                .Where(p => p is not null)
                .Select(p => Path.GetFullPath(Path.Combine(Path.GetDirectoryName(f)!, p!))))
            .ToList();
        Assert.Equal(5, references.Count);   // the solution's 2 projects; the tests' reference and data link; the embedded data
        foreach (var path in references) Assert.True(File.Exists(path), $"{path} does not exist");
    }

    private static IEnumerable<string> ContentFiles() =>
        Directory.EnumerateFiles(Template(), "*", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                     && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                     && !f.Contains(".received.", StringComparison.Ordinal));

    [Fact]
    public void TheProjectFilesAreWellFormedXml()
    {
        // MSBuild refuses a project whose XML comment holds "--" (easy to write in a comment about `dotnet run --`).
        var files = Directory.EnumerateFiles(Template(), "*", SearchOption.AllDirectories)
            .Where(f => Path.GetExtension(f) is ".csproj" or ".props" or ".slnx")
            .ToList();
        Assert.Equal(5, files.Count);
        foreach (var file in files) System.Xml.Linq.XDocument.Load(file);
    }

    [Fact]
    public void EveryPnenWarningIsAnErrorInAGeneratedStudy()
    {
        // "Plan mistakes are compile errors" must hold in a user's study too: the template makes each
        // warning the analyzers can report (their release file says which) an error.
        var release = File.ReadAllText(Path.Combine(Template(), "..", "..", "..", "src", "Pnen.Generators", "AnalyzerReleases.Unshipped.md"));
        var warnings = release.Split('\n').Where(l => l.StartsWith("PNEN", StringComparison.Ordinal) && l.Contains("| Warning |", StringComparison.Ordinal))
            .Select(l => l[..7]).ToArray();
        Assert.NotEmpty(warnings);
        var props = System.Xml.Linq.XDocument.Load(Path.Combine(Template(), "Directory.Build.props"));
        var asErrors = props.Descendants("WarningsAsErrors").Single().Value.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(warnings.Order(), asErrors.Where(w => w.StartsWith("PNEN", StringComparison.Ordinal)).Order());
    }

    [Fact]
    public void ProgramIsOneLine()
    {
        var code = File.ReadAllLines(Path.Combine(Template(), "Pnen-Study1", "Program.cs"))
            .Where(l => l.Trim().Length > 0 && !l.TrimStart().StartsWith("//", StringComparison.Ordinal));
        Assert.Equal(["return await Pnen_Study1.CohortStudy.RunAsync(args);"], code);
    }

    private static string Normalize(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal);

    private static string Diff(string before, string after)
    {
        var text = new StringBuilder();
        foreach (var line in InlineDiffBuilder.Diff(before, after).Lines.Where(l => l.Type != ChangeType.Unchanged).Take(40))
        {
            text.Append(line.Type == ChangeType.Inserted ? "+ " : "- ").Append(line.Text).Append('\n');
        }
        return text.ToString();
    }
}
