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

    /// <summary>The defaults, with PNEN_DUCKDB_THREADS and PNEN_DUCKDB_MEMORY_LIMIT (e.g. "4GB")
    /// from the environment where set: how a user or a shared machine caps the engine.</summary>
    public static DuckDbOptions FromEnvironment()
    {
        var options = Default;
        if (int.TryParse(Environment.GetEnvironmentVariable("PNEN_DUCKDB_THREADS"), System.Globalization.CultureInfo.InvariantCulture, out var threads) && threads > 0)
        {
            options = options with { Threads = threads };
        }
        if (Environment.GetEnvironmentVariable("PNEN_DUCKDB_MEMORY_LIMIT") is { Length: > 0 } limit) options = options with { MemoryLimit = limit };
        return options;
    }
}
