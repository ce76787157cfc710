namespace Pnen.Dsl;

/// <summary>How a plan runs. Results never depend on these settings, only how fast they come.</summary>
public sealed record StudyExecutionOptions
{
    public static readonly StudyExecutionOptions Default = new();

    /// <summary>Analyse subgroups in parallel; the results are identical either way.</summary>
    public bool Parallel { get; init; } = true;

    /// <summary>Told about each step as it starts (e.g. "subgroup bt-pNET-sHM"), for progress on long runs.</summary>
    public IProgress<string>? Progress { get; init; }
}
