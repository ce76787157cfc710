using Pnen.Generators.Tests.Infrastructure;
using Pnen.Testing;

namespace Pnen.Generators.Tests.Snapshots;

/// <summary>The generated source of representative codebooks, reviewed once and then held still;
/// each must also compile without a warning.</summary>
public sealed class GeneratedSourceTests
{
    [Fact]
    public void Mini() => Check(Sources.Mini, "Sample.Mini.Codebook.g.cs");

    [Fact]
    public void Everything() => Check(Sources.Everything, "Study.Data.Patient.Codebook.g.cs");

    [Fact]
    public void GlobalInternalClass() => Check(Sources.GlobalInternalClass, "Visit.Codebook.g.cs");

    [Fact]
    public void Lung() => Check(Sources.Codebook("LungPatient.cs"), "Pnen.Dsl.Tests.Codebooks.LungPatient.Codebook.g.cs");

    [Fact]
    public void Veteran() => Check(Sources.Codebook("VeteranPatient.cs"), "Pnen.Dsl.Tests.Codebooks.VeteranPatient.Codebook.g.cs");

    [Fact]
    public void OutputIsTheSameOnEveryRun()
    {
        var first = TestCompiler.Generate(Sources.Everything).Run.GeneratedSources.Single().SourceText.ToString();
        var second = TestCompiler.Generate(Sources.Everything).Run.GeneratedSources.Single().SourceText.ToString();
        Assert.Equal(first, second);
        Assert.DoesNotContain("\r", first);
    }

    private static void Check(string source, string hintName, [System.Runtime.CompilerServices.CallerMemberName] string test = "")
    {
        var (run, output) = TestCompiler.Generate(source);
        Assert.Null(run.Exception);
        var generated = Assert.Single(run.GeneratedSources);
        Assert.Equal(hintName, generated.HintName);
        TestCompiler.AssertClean(output);
        Snapshot.Match(generated.SourceText.ToString(), extension: "cs", test: test);
    }
}
