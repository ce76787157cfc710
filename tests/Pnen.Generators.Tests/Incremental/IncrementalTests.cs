using System.Collections;
using System.Reflection;
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
        foreach (var name in TrackedSteps)
        {
            var reasons = second.TrackedSteps[name].SelectMany(s => s.Outputs).Select(o => o.Reason).ToArray();
            Assert.NotEmpty(reasons);
            Assert.All(reasons, r => Assert.True(r is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"{name}: {r}"));
        }
        Assert.All(second.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs), o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));
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
        var model = second.TrackedSteps[TrackingNames.CodebookValid].SelectMany(s => s.Outputs).Select(o => o.Reason);
        Assert.All(model, r => Assert.True(r is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, r.ToString()));
        Assert.All(second.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs), o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));
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
        var values = TrackedSteps.SelectMany(n => first.TrackedSteps[n]).SelectMany(s => s.Outputs).Select(o => o.Value).ToArray();
        Assert.NotEmpty(values);
        foreach (var value in values) AssertNoCompilerObject(value, new HashSet<object>(ReferenceEqualityComparer.Instance), "model");
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

    private static readonly Type[] Forbidden = [typeof(ISymbol), typeof(SyntaxNode), typeof(Compilation), typeof(Location), typeof(SemanticModel), typeof(SyntaxTree)];

    private static void AssertNoCompilerObject(object? value, HashSet<object> seen, string path)
    {
        if (value is null || value is string || value.GetType().IsPrimitive || value is Enum) return;
        var type = value.GetType();
        var bad = Forbidden.FirstOrDefault(f => f.IsAssignableFrom(type));
        Assert.True(bad is null, $"{path} holds a {bad?.Name} ({type.FullName})");
        if (!type.IsValueType && !seen.Add(value)) return;

        if (value is IEnumerable items)
        {
            var i = 0;
            foreach (var item in items) AssertNoCompilerObject(item, seen, $"{path}[{i++}]");
        }
        for (var t = type; t is not null && t != typeof(object); t = t.BaseType)
        {
            foreach (var field in t.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            {
                AssertNoCompilerObject(field.GetValue(value), seen, path + "." + field.Name);
            }
        }
    }
}
