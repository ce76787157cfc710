using System.Security.Cryptography;
using Pnen.Data;

namespace Pnen.Dsl.Hosting;

/// <summary>
/// The study host's <c>--engine duckdb</c>: the --data file (.parquet or .csv) read through DuckDB,
/// only the codebook's columns when it ignores the others, into the codebook's own strict reader
/// (Pnen.Data.DuckDb's <c>DuckDbProjection</c>, found by name so that Pnen.Dsl does not depend on
/// DuckDB: a study that wants it adds the Pnen.Data.DuckDb package). The records are then in memory
/// as with the default engine: a study's analyses run on records, so nothing is pushed down.
/// The manifest's hash is of the file's bytes, read as a stream.
/// </summary>
internal static class StudyDuckDb
{
    private const string Projection = "Pnen.Data.DuckDb.DuckDbProjection, Pnen.Data.DuckDb";

    public static (CodebookData<T> Data, string Hash) Load<T>(StudyArguments arguments) where T : ICodebook<T>
    {
        var path = arguments.Data ?? throw new DataException(new DataError("--engine duckdb", null, null, null, "reads a --data file (.parquet or .csv); the study's embedded data are read as usual without it"));
        if (arguments.Sheet is not null) throw new DataException(new DataError(path, null, null, null, "--sheet is for .xlsx files, which --engine duckdb does not read"));
        var open = Type.GetType(Projection)?.GetMethod("Open")?.CreateDelegate<Func<string, IReadOnlyList<string>, bool, CsvSource>>()
            ?? throw new DataException(new DataError(path, null, null, null, "--engine duckdb needs the Pnen.Data.DuckDb package in the study (dotnet add package Pnen.Data.DuckDb)"));
        using var source = open(path, T.Schema.Variables.Select(v => v.ColumnName).ToArray(), T.Schema.IgnoreExtraColumns);
        var data = T.Read(source);
        using var bytes = File.OpenRead(path);
        return (data, Convert.ToHexStringLower(SHA256.HashData(bytes)));
    }
}
