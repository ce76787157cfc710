using Pnen.Cli.CommandLine;
using Pnen.Cli.Commands;
using Pnen.Data;
using Pnen.Data.DuckDb;

namespace Pnen.Cli.Input;

/// <summary>
/// <c>--engine duckdb</c>: the file is aggregated by embedded DuckDB instead of read into memory
/// (Pnen.Data.DuckDb). The same checks, the same complete-case drops and notes as
/// <see cref="SurvivalTable"/>; what needs rows (entry times, weights, time-dependent covariates,
/// a landmark, a workbook sheet) is refused with a usage error.
/// </summary>
internal static class DuckDbInput
{
    public static bool Requested(Arguments arguments) => arguments.Choice("engine", "memory", "memory", "duckdb") == "duckdb";

    /// <summary>Refuses the options that need the rows themselves.</summary>
    public static void CheckOptions(Arguments arguments, RecordOptions records, params string[] rowOptions)
    {
        var given = new[] { "sheet", "start", "weights", "cluster", "tdc", "landmark" }.Concat(rowOptions).FirstOrDefault(arguments.Has);
        if (given is not null || !records.Plain)
        {
            throw new UsageException($"--{given ?? "start"} is not available with --engine duckdb, which aggregates the file instead of reading its rows: use --engine memory");
        }
    }

    /// <summary>Counts per (group, value) of each Table 1 variable.</summary>
    public static DuckDbTable1.Input Table1(string path, string by, IReadOnlyList<(string Name, ColumnKind Kind)> variables)
    {
        using var file = DuckDbFile.Open(path, DuckDbOptions.FromEnvironment());
        var input = DuckDbTable1.Aggregate(file, by, variables);
        if (input.RowCount == 0) throw new DataException(new DataError(path, null, null, null, "has a header but no data rows"));
        return input;
    }

    /// <summary>Counts per (stratum, group, time), with the drop note of the memory engine.</summary>
    public static (SurvivalAggregate Aggregate, int Dropped, string? DropNote) Survival(string path, string time, string @event, string? group, string? strata)
    {
        foreach (var column in new[] { group, strata })
        {
            if (column == time || column == @event)
            {
                throw new UsageException($"column '{column}' cannot be both the {(column == time ? "time" : "event")} and a grouping or covariate column");
            }
        }
        using var file = DuckDbFile.Open(path, DuckDbOptions.FromEnvironment());
        var aggregate = DuckDbSurvival.Aggregate(file, time, @event, group, strata);
        if (aggregate.RowCount == 0) throw new DataException(new DataError(path, null, null, null, "has a header but no data rows"));
        var missing = new Dictionary<string, int>(StringComparer.Ordinal);
        var names = new[] { time, @event, group, strata };
        for (var i = 0; i < names.Length; i++)
        {
            if (names[i] is { } name) missing.TryAdd(name, checked((int)aggregate.Missing[i]));
        }
        if (aggregate.Kept == 0) throw SurvivalTable.NothingLeft(path, aggregate.RowCount, missing);
        var dropped = checked((int)(aggregate.RowCount - aggregate.Kept));
        return (aggregate, dropped, SurvivalTable.DropNoteFor(dropped, missing));
    }
}
