namespace Pnen.Data.DuckDb;

/// <summary>How the embedded DuckDB runs: its worker threads, memory limit and spill folder.</summary>
public sealed record DuckDbOptions
{
    public static readonly DuckDbOptions Default = new();

    /// <summary>Worker threads (DuckDB's <c>threads</c>); by default the machine's cores. The
    /// aggregations Pnen pushes down are integer counts, so the result does not depend on it.</summary>
    public int Threads { get; init; } = Environment.ProcessorCount;

    /// <summary>DuckDB's <c>memory_limit</c>, e.g. "4GB"; null leaves DuckDB's default (80% of RAM).
    /// Aggregations larger than it spill to <see cref="TempDirectory"/>.</summary>
    public string? MemoryLimit { get; init; }

    /// <summary>Where DuckDB spills; by default the system's temporary folder.</summary>
    public string TempDirectory { get; init; } = Path.GetTempPath();
}
