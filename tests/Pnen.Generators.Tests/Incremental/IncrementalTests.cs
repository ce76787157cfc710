using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Pnen.Generators.Tests.Infrastructure;

namespace Pnen.Generators.Tests.Incremental;

/// <summary>The generator's cache works: a second run after an unrelated edit re-emits nothing, and no
/// model keeps a compiler object alive (which would both defeat the cache and leak memory in the IDE).</summary>
public sealed class IncrementalTests
{
    private static readonly string[] TrackedSteps = [TrackingNames.CodebookInspected, TrackingNames.CodebookValid];

    [Fact]
    public void AnUnrelatedNewFileLeavesEveryStepCached()
    {
        var (first, second) = RunTwice(c => c.AddSyntaxTrees(CSharpSyntaxTree.ParseText("public sealed class Unrelated { }", TestCompiler.ParseOptions)));

        Assert.All(TrackedSteps, name => Assert.Contains(name, first.TrackedSteps.Keys));
        foreach (var name in TrackedSteps) IncrementalAssert.CachedOrUnchanged(second, name);
        IncrementalAssert.NothingReEmitted(second);
    }

    [Fact]
    public void AnEditThatDoesNotChangeTheCodebookEmitsNothingNew()
    {
        var (_, second) = RunTwice(c =>
        {
            var tree = c.SyntaxTrees.First();
            var edited = tree.WithChangedText(tree.GetText().WithChanges(new Microsoft.CodeAnalysis.Text.TextChange(new(tree.Length, 0), "\n// a comment\n")));
            return c.ReplaceSyntaxTree(tree, edited);
        });

        // The inspector runs again on the edited file, but its model is equal, so the emitter is skipped.
        IncrementalAssert.CachedOrUnchanged(second, TrackingNames.CodebookValid);
        IncrementalAssert.NothingReEmitted(second);
    }

    [Fact]
    public void ChangingALabelReEmits()
    {
        var (_, second) = RunTwice(c =>
        {
            var tree = c.SyntaxTrees.First();
            var text = tree.GetText().ToString().Replace("\"Gender\"", "\"Sex\"", StringComparison.Ordinal);
            return c.ReplaceSyntaxTree(tree, CSharpSyntaxTree.ParseText(text, TestCompiler.ParseOptions, tree.FilePath));
        });
        var outputs = second.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs).Select(o => o.Reason);
        Assert.Contains(IncrementalStepRunReason.Modified, outputs);
    }

    [Fact]
    public void NoModelHoldsACompilerObject()
    {
        var (first, _) = RunTwice(c => c);
        IncrementalAssert.NoCompilerObject(first, TrackedSteps);
    }

    private static (GeneratorRunResult First, GeneratorRunResult Second) RunTwice(Func<Compilation, Compilation> change)
    {
        var compilation = TestCompiler.Compile(Sources.Everything, Sources.Mini);
        GeneratorDriver driver = TestCompiler.Driver(trackSteps: true);
        driver = driver.RunGenerators(compilation);
        var first = driver.GetRunResult().Results.Single();
        driver = driver.RunGenerators(change(compilation.Clone()));
        var second = driver.GetRunResult().Results.Single();
        return (first, second);
    }
}
