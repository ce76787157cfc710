using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Pnen.Generators.Codebook;
using Pnen.Generators.Study;
using Pnen.Generators.Tests.Infrastructure;

namespace Pnen.Generators.Tests.Study;

/// <summary>
/// Runs both generators, as a build does (a plan's record must first become a codebook), then the
/// study analyzer on the compilation with the generated code, which is what the analyzer sees in a
/// real build.
/// </summary>
internal static class StudyCompiler
{
    public static CSharpGeneratorDriver Driver(bool trackSteps = false) =>
        CSharpGeneratorDriver.Create(
            [new CodebookGenerator().AsSourceGenerator(), new StudyGenerator().AsSourceGenerator()],
            parseOptions: TestCompiler.ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: trackSteps));

    /// <summary>The study generator's result, and the compilation with everything generated added.</summary>
    public static (GeneratorRunResult Run, Compilation Output) Generate(params string[] sources)
    {
        var driver = Driver().RunGeneratorsAndUpdateCompilation(TestCompiler.Compile(sources), out var output, out _);
        return (StudyRun(driver.GetRunResult()), output);
    }

    public static GeneratorRunResult StudyRun(GeneratorDriverRunResult result) =>
        result.Results.Single(r => r.Generator.GetGeneratorType() == typeof(StudyGenerator));

    /// <summary>The study analyzer's diagnostics, in source order.</summary>
    public static async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(params string[] sources)
    {
        var (_, output) = Generate(sources);
        var diagnostics = await output.WithAnalyzers([new StudyAnalyzer()]).GetAnalyzerDiagnosticsAsync();
        return [.. diagnostics.OrderBy(d => d.Location.SourceTree?.FilePath, StringComparer.Ordinal).ThenBy(d => d.Location.SourceSpan.Start)];
    }
}
