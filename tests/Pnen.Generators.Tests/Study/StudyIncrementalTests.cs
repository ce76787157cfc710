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
        foreach (var name in TrackedSteps) IncrementalAssert.CachedOrUnchanged(second, name);
        IncrementalAssert.NothingReEmitted(second);
    }

    [Fact]
    public void AnEditOfThePlanThatKeepsItsSubgroupsEmitsNothingNew()
    {
        var (_, second) = RunTwice(c => Edit(c, "Below(60, \"<60\", \">=60\")", "Below(65, \"<65\", \">=65\")"));

        // The plan is read again, but its model is equal, so the emitter is skipped.
        IncrementalAssert.CachedOrUnchanged(second, TrackingNames.StudyValid);
        IncrementalAssert.NothingReEmitted(second);
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
        IncrementalAssert.NoCompilerObject(first, TrackedSteps);
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
}
