using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Pnen.Cli.Scaffold;
using Pnen.Generators.Tests.Infrastructure;

namespace Pnen.Generators.Tests.Scaffold;

/// <summary>What `pnen scaffold` writes is a codebook the generator accepts as it is, and whose loader
/// reads the very file it was inferred from.</summary>
public sealed class ScaffoldRoundTripTests
{
    private static string Data(string file) => Path.Combine(AppContext.BaseDirectory, "TestData", file);

    [Theory]
    [InlineData("lung.csv", 228)]
    [InlineData("veteran.csv", 137)]
    [InlineData("aml.csv", 23)]
    [InlineData("ovarian.csv", 26)]
    public async Task AScaffoldedCodebookCompilesAndLoadsItsFile(string file, int rows)
    {
        var source = CodebookScaffolder.Scaffold(Data(file), "Scaffolded");

        Assert.Empty(await TestCompiler.AnalyzeAsync(source));
        var (run, output) = TestCompiler.Generate(source);
        Assert.Single(run.GeneratedSources);
        TestCompiler.AssertClean(output);

        Assert.Equal(rows, LoadCount(output, Data(file)));
    }

    // Runs the generated loader: emit the compilation, load it in a context of its own, call Codebook.Load<Scaffolded>.
    private static int LoadCount(Compilation compilation, string path)
    {
        using var image = new MemoryStream();
        var emitted = compilation.Emit(image);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));
        image.Position = 0;
        var context = new AssemblyLoadContext("scaffold", isCollectible: true);
        try
        {
            var type = context.LoadFromStream(image).GetType("Scaffolded", throwOnError: true)!;
            var load = typeof(Pnen.Dsl.Codebook).GetMethod(nameof(Pnen.Dsl.Codebook.Load), [typeof(string)])!.MakeGenericMethod(type);
            var data = load.Invoke(null, [path])!;
            return (int)data.GetType().GetProperty("Count")!.GetValue(data)!;
        }
        finally
        {
            context.Unload();
        }
    }
}
