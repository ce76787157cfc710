using Pnen.Dsl.Tests.Codebooks;

namespace Pnen.Dsl.Tests.Study;

/// <summary>
/// The members the [Study] generator adds to <see cref="LungStudy"/>, compiled by the real build
/// (the generator is this project's analyzer) and run: the typed result reaches a subgroup by
/// property and an exposure level by value, with the numbers R gives for the same model
/// (lung-study.expected.json, older.model_terms: sexFemale).
/// </summary>
public sealed class GeneratedLungStudyTests : IDisposable
{
    private static readonly string Data = Path.Combine(AppContext.BaseDirectory, "TestData", "lung.csv");

    private readonly string _output = Directory.CreateTempSubdirectory("pnen-lung-run-").FullName;

    public void Dispose() => Directory.Delete(_output, recursive: true);

    [Fact]
    public void ExecuteGivesATypedResultNavigatedByProperty()
    {
        LungStudyResult result = LungStudy.Execute(Data);

        // As the brief writes it: typed subgroup, typed exposure level, no null-forgiving operator.
        var older = result.Subgroups.Older.Models.Multivariable[Sex.Female];
        Assert.Equal(0.5281943884056, older.HazardRatio!.Value, 1e-6);
        Assert.Equal("Older", result.Subgroups.Older.Name);
        Assert.Same(result.Study.Subgroups[0], result.Subgroups.Older.Result);
        Assert.Same(result.Study.Cohort, result.Cohort.Result);
        Assert.Same(result.Study.Flow, result.Flow);
    }

    [Fact]
    public void ExecuteOnLoadedDataEqualsThePlansOwnExecute()
    {
        var data = Codebook.Load<LungPatient>(Data);
        var typed = LungStudy.Execute(data, new StudyExecutionOptions { Parallel = false });
        var untyped = LungStudy.Plan.Execute(data);
        Assert.Equal(untyped.Cohort.Models[0][Sex.Female].HazardRatio, typed.Cohort.Models.Multivariable[Sex.Female].HazardRatio);
        Assert.Equal(untyped.Subgroups[0].N, typed.Subgroups.Older.N);
        Assert.Equal(untyped.Flow.Final, typed.Flow.Final);
    }

    [Fact]
    public void TheResultWrapsAnUntypedResult()
    {
        var untyped = LungStudy.Plan.Execute(Codebook.Load<LungPatient>(Data));
        var typed = new LungStudyResult(untyped);
        Assert.Same(untyped, typed.Study);
        Assert.Same(untyped.Subgroups[0], typed.Subgroups.Older.Result);
        Assert.Throws<ArgumentNullException>(() => new LungStudyResult(null!));
    }

    [Fact]
    public async Task RunAsyncRunsTheStudyAndReturnsZero()
    {
        var exit = await LungStudy.RunAsync(["--data", Data, "--out", _output, "--quiet"]);
        Assert.Equal(0, exit);
    }

    [Fact]
    public async Task RunAsyncReturnsTwoForAnUnknownOption()
    {
        var exit = await LungStudy.RunAsync(["--data", Data, "--no-such-option"]);
        Assert.Equal(2, exit);
    }

    [Fact]
    public async Task RunAsyncReturnsTwoWithoutDataWhenNoneIsEmbedded()
    {
        // [Study] on LungStudy names no EmbeddedData, so a run needs --data.
        var exit = await LungStudy.RunAsync(["--out", _output, "--quiet"]);
        Assert.Equal(2, exit);
    }
}
