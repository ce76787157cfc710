using System.Collections;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Pnen.Generators.Tests.Infrastructure;

namespace Pnen.Generators.Tests.Study;

/// <summary>The study generator's cache works: an edit that leaves the plan's shape alone re-emits
/// nothing, one that changes it does, and no model keeps a compiler object alive.</summary>
public sealed class StudyIncrementalTests
{
    private static readonly string[] TrackedSteps = [TrackingNames.StudyInspected, TrackingNames.StudyValid];

    [Fact]
    public void AnUnrelatedNewFileLeavesEveryStepCached()
    {
        var (first, second) = RunTwice(c => c.AddSyntaxTrees(CSharpSyntaxTree.ParseText("public sealed class Unrelated { }", TestCompiler.ParseOptions)));

        Assert.All(TrackedSteps, name => Assert.Contains(name, first.TrackedSteps.Keys));
        foreach (var name in TrackedSteps) AssertCachedOrUnchanged(second, name);
        AssertNothingReEmitted(second);
    }

    [Fact]
    public void AnEditOfThePlanThatKeepsItsSubgroupsEmitsNothingNew()
    {
        var (_, second) = RunTwice(c => Edit(c, "Below(60, \"<60\", \">=60\")", "Below(65, \"<65\", \">=65\")"));

        // The plan is read again, but its model is equal, so the emitter is skipped.
        AssertCachedOrUnchanged(second, TrackingNames.StudyValid);
        AssertNothingReEmitted(second);
    }

    [Fact]
    public void AddingASubgroupReEmits()
    {
        var (_, second) = RunTwice(c => Edit(c, ".Subgroup(\"pNEC-sHM\",", ".Subgroup(\"Women\", p => p.Sex == Sex.Female).Subgroup(\"pNEC-sHM\","));
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
        var compilation = TestCompiler.Compile(StudySources.Surgery, StudySources.Patient, StudySources.GlobalInternal);
        GeneratorDriver driver = StudyCompiler.Driver(trackSteps: true);
        driver = driver.RunGenerators(compilation);
        var first = StudyCompiler.StudyRun(driver.GetRunResult());
        driver = driver.RunGenerators(change(compilation.Clone()));
        return (first, StudyCompiler.StudyRun(driver.GetRunResult()));
    }

    private static Compilation Edit(Compilation compilation, string from, string to)
    {
        var tree = compilation.SyntaxTrees.First();
        var text = tree.GetText().ToString();
        Assert.Contains(from, text);
        return compilation.ReplaceSyntaxTree(tree, CSharpSyntaxTree.ParseText(text.Replace(from, to, StringComparison.Ordinal), TestCompiler.ParseOptions, tree.FilePath));
    }

    private static void AssertCachedOrUnchanged(GeneratorRunResult run, string step)
    {
        var reasons = run.TrackedSteps[step].SelectMany(s => s.Outputs).Select(o => o.Reason).ToArray();
        Assert.NotEmpty(reasons);
        Assert.All(reasons, r => Assert.True(r is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"{step}: {r}"));
    }

    private static void AssertNothingReEmitted(GeneratorRunResult run)
    {
        var outputs = run.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs).ToArray();
        Assert.NotEmpty(outputs);
        Assert.All(outputs, o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));
    }

    private static readonly Type[] Forbidden = [typeof(ISymbol), typeof(SyntaxNode), typeof(Compilation), typeof(Location), typeof(SemanticModel), typeof(SyntaxTree)];

    // The same walk as the codebook's IncrementalTests: every field, every element, no compiler type anywhere.
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
