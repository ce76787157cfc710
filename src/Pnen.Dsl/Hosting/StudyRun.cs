namespace Pnen.Dsl.Hosting;

/// <summary>One run of a study: its result and where the data came from, for the outputs and the manifest.</summary>
public sealed record StudyRun<TX>(StudyResult<TX> Result, string DataSource, string DataSha256, string PlanFingerprint, StudyArguments Arguments) where TX : notnull
{
    /// <summary>Files written, relative to the output folder.</summary>
    public IReadOnlyList<string> Written { get; set; } = [];
}
