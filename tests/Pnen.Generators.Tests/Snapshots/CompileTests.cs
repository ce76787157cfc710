using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis;
using Pnen.Generators.Tests.Infrastructure;

namespace Pnen.Generators.Tests.Snapshots;

public sealed class CompileTests
{
    [Fact]
    public void ACodebookOf200VariablesCompiles()
    {
        var (run, output) = TestCompiler.Generate(LargeCodebook.Source(200));
        Assert.Null(run.Exception);
        Assert.Single(run.GeneratedSources);
        TestCompiler.AssertClean(output);
        var variables = output.GetTypeByMetadataName("Wide.WidePatientVariables")!;
        Assert.Equal(200, variables.GetMembers().OfType<IFieldSymbol>().Count());
    }

    [Fact]
    public void ACodebookWithErrorsGeneratesNothing()
    {
        var (run, _) = TestCompiler.Generate("""
            using Pnen.Dsl;
            [Codebook] public record NotPartial { public int X { get; init; } }
            """);
        Assert.Empty(run.GeneratedSources);
    }

    [Fact]
    public void NoCodebookAttributeNoOutput()
    {
        var (run, _) = TestCompiler.Generate("public partial record Plain { public int X { get; init; } }");
        Assert.Empty(run.GeneratedSources);
    }
}

/// <summary>A wide codebook, every fifth variable of each kind, for the compile test and the benchmark.</summary>
internal static class LargeCodebook
{
    public static string Source(int count)
    {
        var text = new StringBuilder();
        text.Append("using Pnen.Dsl;\nnamespace Wide;\n[Codebook]\npublic partial record WidePatient\n{\n");
        text.Append("    [Id] public required string Id { get; init; }\n");
        text.Append("    [SurvivalTime(Unit = \"months\")] public required double Time { get; init; }\n");
        text.Append("    [Event] public required bool Died { get; init; }\n");
        for (var i = 3; i < count; i++)
        {
            var line = (i % 5) switch
            {
                0 => $"    [Label(\"Measure {i}\"), Unit(\"mg\"), Range(0, 1000)] public double? V{i} {{ get; init; }}",
                1 => $"    [Column(\"v.{i}\")] public required int V{i} {{ get; init; }}",
                2 => $"    public Level? V{i} {{ get; init; }}",
                3 => $"    public bool V{i} {{ get; init; }}",
                _ => $"    public string? V{i} {{ get; init; }}",
            };
            text.Append(line).Append('\n');
        }
        text.Append("}\npublic enum Level { Low, [Label(\"Middle level\")] Middle, High }\n");
        return text.ToString();
    }
}
