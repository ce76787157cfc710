using Microsoft.CodeAnalysis;
using Pnen.Generators.Tests.Infrastructure;

namespace Pnen.Generators.Tests.Diagnostics;

/// <summary>One test per codebook diagnostic: the analyzer reports that ID, and only it, at the marked
/// place; and the generator emits nothing for a codebook with an error.</summary>
public sealed class CodebookDiagnosticTests
{
    [Fact]
    public Task PNEN001_NotPartial() => Expect("PNEN001", """
        [Codebook] public record [|Patient|] { public int Age { get; init; } }
        """);

    [Fact]
    public Task PNEN002_UnsupportedType() => Expect("PNEN002", """
        [Codebook] public partial record Patient { public int Age { get; init; } public float [|Weight|] { get; init; } }
        """);

    [Fact]
    public Task PNEN002_UnsupportedGeneric() => Expect("PNEN002", """
        [Codebook] public partial record Patient { public int Age { get; init; } public System.Collections.Generic.List<int> [|Doses|] { get; init; } = new(); }
        """);

    [Fact]
    public Task PNEN003_TwoMembersOneColumn() => Expect("PNEN003", """
        [Codebook] public partial record Patient
        {
            [Column("ph.ecog")] public int Ecog { get; init; }
            [Column("PH.ECOG")] public int [|Ecog2|] { get; init; }
        }
        """);

    [Fact]
    public Task PNEN003_ImplicitNameMeetsExplicitColumn() => Expect("PNEN003", """
        [Codebook] public partial record Patient
        {
            public int Age { get; init; }
            [Column("age")] public int [|AgeAtEntry|] { get; init; }
        }
        """);

    [Fact]
    public Task PNEN004_EnumWithoutMembers() => Expect("PNEN004", """
        [Codebook] public partial record Patient { public Nothing [|Arm|] { get; init; } }
        public enum Nothing { }
        """);

    [Fact]
    public Task PNEN005_TimeNotNumeric() => Expect("PNEN005", """
        [Codebook] public partial record Patient { [SurvivalTime] public string [|Time|] { get; init; } = ""; }
        """);

    [Fact]
    public Task PNEN006_EventNotBoolean() => Expect("PNEN006", """
        [Codebook] public partial record Patient { [Event] public int [|Status|] { get; init; } }
        """);

    [Fact]
    public Task PNEN007_SecondTime() => Expect("PNEN007", """
        [Codebook] public partial record Patient
        {
            [SurvivalTime] public double Os { get; init; }
            [SurvivalTime] public double [|Pfs|] { get; init; }
        }
        """);

    [Fact]
    public Task PNEN008_SecondEvent() => Expect("PNEN008", """
        [Codebook] public partial record Patient
        {
            [Event] public bool Died { get; init; }
            [Event] public bool [|Progressed|] { get; init; }
        }
        """);

    [Fact]
    public Task PNEN009_SecondId() => Expect("PNEN009", """
        [Codebook] public partial record Patient
        {
            [Id] public string Id { get; init; } = "";
            [Id] public string [|HospitalNumber|] { get; init; } = "";
        }
        """);

    [Fact]
    public Task PNEN010_IdNotString() => Expect("PNEN010", """
        [Codebook] public partial record Patient { [Id] public int [|Id|] { get; init; } }
        """);

    [Fact]
    public Task PNEN011_TwoRoles() => Expect("PNEN011", """
        [Codebook] public partial record Patient { [Event, SurvivalTime] public bool [|Died|] { get; init; } }
        """);

    [Fact]
    public Task PNEN012_RangeOnText() => Expect("PNEN012", """
        [Codebook] public partial record Patient { [Range(0, 1)] public string [|Centre|] { get; init; } = ""; }
        """);

    [Fact]
    public Task PNEN012_RangeReversed() => Expect("PNEN012", """
        [Codebook] public partial record Patient { [Range(200, 0)] public double [|Diameter|] { get; init; } }
        """);

    [Fact]
    public Task PNEN013_AmbiguousLevel() => Expect("PNEN013", """
        [Codebook] public partial record Patient { public Grade [|Grade|] { get; init; } }
        public enum Grade { [Code("1")] Low, [Code("1")] High }
        """);

    [Fact]
    public Task PNEN013_LabelIsAnotherName() => Expect("PNEN013", """
        [Codebook] public partial record Patient { public Arm [|Arm|] { get; init; } }
        public enum Arm { [Label("test")] Control, Test }
        """);

    [Fact]
    public Task PNEN014_Nested() => Expect("PNEN014", """
        public static partial class Outer
        {
            [Codebook] public partial record [|Patient|] { public int Age { get; init; } }
        }
        """);

    [Fact]
    public Task PNEN014_Generic() => Expect("PNEN014", """
        [Codebook] public partial record [|Patient|]<T> { public int Age { get; init; } }
        """);

    [Fact]
    public Task PNEN015_PositionalRecord() => Expect("PNEN015", """
        [Codebook] public partial record [|Patient|](int Age);
        """);

    [Fact]
    public Task PNEN015_Abstract() => Expect("PNEN015", """
        [Codebook] public abstract partial record [|Patient|] { public int Age { get; init; } }
        """);

    [Fact]
    public Task PNEN016_BlankColumn() => Expect("PNEN016", """
        [Codebook] public partial record Patient { [Column(" ")] public int [|Age|] { get; init; } }
        """);

    [Fact]
    public Task PNEN017_AttributeOnComputedProperty() => Expect("PNEN017", """
        [Codebook] public partial record Patient
        {
            public double Age { get; init; }
            [Label("Decade")] public int [|Decade|] => (int)(Age / 10);
        }
        """, generates: true);

    [Fact]
    public Task PNEN018_NoVariables() => Expect("PNEN018", """
        [Codebook] public partial record [|Patient|] { }
        """, generates: true);

    [Fact]
    public async Task AValidCodebookHasNoDiagnostic()
    {
        var diagnostics = await TestCompiler.AnalyzeAsync(Sources.Everything);
        Assert.Empty(diagnostics);
    }

    [Fact]
    public void TheCatalogAndTheReleaseFileAgree()
    {
        var analyzer = new Pnen.Generators.Codebook.CodebookAnalyzer();
        var ids = analyzer.SupportedDiagnostics.Select(d => d.Id).ToArray();
        Assert.Equal(ids.Distinct().Count(), ids.Length);
        Assert.All(ids, id => Assert.Matches("^PNEN0(0[1-9]|1[0-9])$", id));
        var release = File.ReadAllText(Path.Combine(RepositoryRoot(), "src", "Pnen.Generators", "AnalyzerReleases.Unshipped.md"));
        // PNEN020 on are the study analyzer's, checked by StudyDiagnosticTests.
        var tracked = release.Split('\n').Where(l => l.StartsWith("PNEN", StringComparison.Ordinal) && string.CompareOrdinal(l, "PNEN020") < 0).Select(l => l[..7]).ToArray();
        Assert.Equal(ids.Order(), tracked.Order());
    }

    private static async Task Expect(string id, string markup, bool generates = false)
    {
        var (body, span) = Markup.Parse(markup);
        const string header = "using Pnen.Dsl;\n";
        var source = header + body;
        var diagnostics = await TestCompiler.AnalyzeAsync(source);

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal(id, diagnostic.Id);
        Assert.Equal("Source0.cs", diagnostic.Location.SourceTree!.FilePath);
        Assert.Equal(new Microsoft.CodeAnalysis.Text.TextSpan(span.Start + header.Length, span.Length), diagnostic.Location.SourceSpan);
        Assert.False(string.IsNullOrWhiteSpace(diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture)));

        var (run, _) = TestCompiler.Generate(source);
        Assert.Equal(generates, run.GeneratedSources.Length == 1);
        Assert.Equal(generates ? DiagnosticSeverity.Warning : DiagnosticSeverity.Error, diagnostic.Severity);
    }

    private static string RepositoryRoot([System.Runtime.CompilerServices.CallerFilePath] string file = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(file)!, "..", "..", ".."));
}
