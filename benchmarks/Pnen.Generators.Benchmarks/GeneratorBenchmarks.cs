using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Pnen.Generators.Codebook;

namespace Pnen.Generators.Benchmarks;

/// <summary>
/// The generator's own time on a 200-variable codebook: a first run (what a build pays), and a second
/// run after an unrelated edit (what each keystroke in the IDE pays, which the cache should make small).
/// The compilation is created and bound once in setup, so the numbers are the generator's, not the parser's.
/// The Pnen.Dsl attributes are declared in source (the generator knows them by name only), so the
/// benchmark does not depend on the runtime library's build.
/// </summary>
[MemoryDiagnoser]
public class GeneratorBenchmarks
{
    private static readonly CSharpParseOptions Options = new(LanguageVersion.CSharp13);

    private CSharpCompilation _compilation = null!;
    private CSharpCompilation _edited = null!;
    private GeneratorDriver _warm = null!;

    [Params(200)]
    public int Variables { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Select(p => MetadataReference.CreateFromFile(p));
        _compilation = CSharpCompilation.Create(
            "Wide",
            [CSharpSyntaxTree.ParseText(WideCodebook.Source(Variables), Options), CSharpSyntaxTree.ParseText(WideCodebook.Attributes, Options)],
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        _ = _compilation.GetDiagnostics(); // bind once, as the compiler has done before generators run
        _edited = _compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("public sealed class Unrelated { }", Options));
        _warm = NewDriver().RunGenerators(_compilation);

        // A benchmark of a generator that emitted nothing would measure nothing: check the output first.
        var generated = _warm.GetRunResult().GeneratedTrees;
        if (generated.Length != 1 || !generated[0].ToString().Contains("V" + (Variables - 1) + " = b" + (Variables - 1), StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"The generator did not emit the {Variables}-variable codebook.");
        }
    }

    [Benchmark(Description = "first run")]
    public GeneratorDriver FirstRun() => NewDriver().RunGenerators(_compilation);

    [Benchmark(Description = "after an unrelated edit")]
    public GeneratorDriver AfterUnrelatedEdit() => _warm.RunGenerators(_edited);

    private static GeneratorDriver NewDriver() =>
        CSharpGeneratorDriver.Create([new CodebookGenerator().AsSourceGenerator()], parseOptions: Options);
}
