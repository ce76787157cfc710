using Pnen.Stats.Survival;
using Pnen.Stats.Survival.Cox;

namespace Pnen.Data.DuckDb;

/// <summary>
/// The complete rows of a Cox model as a stream (<see cref="ICoxRowSource"/>) for
/// <see cref="CoxRegression.FitStream"/>: DuckDB sorts them once by stratum and time (latest first,
/// ties ordered by every column, so each read gives the same rows in the same order) into a table of
/// a database file in the temporary folder, which each pass of the fit scans in chunks. Near-tied
/// times are merged on the client over the distinct times (aeqSurv), categorical covariates become
/// level indicators. Memory is O(chunk + p²) in Pnen; DuckDB's own is bounded by its memory limit
/// (the sort spills to disk).
/// </summary>
public sealed class DuckDbCoxStream : ICoxRowSource, IDisposable
{
    private const int ChunkRows = 1 << 16;

    private readonly DuckDbFile _file;
    private readonly string _spill;
    private readonly bool[] _numeric;
    private readonly IReadOnlyList<string>[] _levels;
    private readonly int[] _reference;
    private readonly Dictionary<string, int> _strata;
    private readonly double[] _distinct;
    private readonly double[] _fixed;

    /// <param name="file">A file whose <c>pnen_rows</c> view (<see cref="DuckDbCox.Patterns"/>'s) exists.</param>
    /// <param name="covariates">For x0, x1, ...: name, whether numeric, and for a categorical one its
    /// levels (as the model orders them) and the reference level's index.</param>
    /// <param name="timeFix">Merge near-tied times (R's aeqSurv), as the fit in memory does.</param>
    public DuckDbCoxStream(DuckDbFile file, IReadOnlyList<(string Name, bool Numeric, IReadOnlyList<string> Levels, int Reference)> covariates, bool timeFix = true)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(covariates);
        _file = file;
        _numeric = covariates.Select(c => c.Numeric).ToArray();
        _levels = covariates.Select(c => c.Levels).ToArray();
        _reference = covariates.Select(c => c.Reference).ToArray();
        Columns = covariates.SelectMany(c => c.Numeric
            ? [(c.Name, (string?)null)]
            : c.Levels.Select((l, k) => (k, l)).Where(p => p.k != c.Reference).Select(p => (c.Name, (string?)p.l))).ToArray();

        var x = CoxSql.Covariates(covariates.Count).ToArray();
        var complete = string.Join(" AND ", new[] { "survival_time", "status", "stratum" }.Concat(x).Select(c => $"{c} IS NOT NULL"));
        var timed = "survival_time IS NOT NULL AND status IS NOT NULL";
        Dropped = checked((int)file.Query($"SELECT COUNT(*) FROM pnen_rows WHERE {timed} AND NOT ({complete})", r => r.Read() ? r.GetInt64(0) : 0));
        var strata = file.Rows($"SELECT DISTINCT stratum FROM pnen_rows WHERE {complete} ORDER BY stratum", r => r.GetString(0));
        _strata = strata.Select((s, i) => (s, i)).ToDictionary(p => p.s, p => p.i, StringComparer.Ordinal);
        _distinct = file.Rows($"SELECT DISTINCT survival_time FROM pnen_rows WHERE {complete} ORDER BY survival_time", r => r.GetDouble(0)).ToArray();
        _fixed = timeFix ? TimeFix.Apply(_distinct) : _distinct;

        _spill = Path.Combine(Path.GetTempPath(), $"pnen-cox-{Guid.NewGuid():N}.duckdb");
        file.Execute($"ATTACH {DuckDbFile.Literal(_spill)} AS pnen_spill");
        var keys = string.Join(", ", new[] { "stratum", "survival_time DESC", "status" }.Concat(x));
        file.Execute($"CREATE TABLE pnen_spill.sorted AS SELECT stratum, survival_time, status, {string.Join(", ", x)} FROM pnen_rows WHERE {complete} ORDER BY {keys}");
    }

    /// <summary>Rows with a time and an event but a missing covariate or stratum (left out).</summary>
    public int Dropped { get; }

    public IReadOnlyList<(string Variable, string? Level)> Columns { get; }

    public IEnumerable<CoxRowChunk> Read()
    {
        var width = Columns.Count;
        var stratum = new int[ChunkRows];
        var time = new double[ChunkRows];
        var status = new bool[ChunkRows];
        var matrix = new double[ChunkRows * width];
        using var command = _file.Connection.CreateCommand();
        command.CommandText = "SELECT * FROM pnen_spill.sorted";
        command.UseStreamingMode = true;
        using var reader = _file.Guard(command.ExecuteReader);
        var count = 0;
        while (_file.Guard(reader.Read))
        {
            stratum[count] = _strata[reader.GetString(0)];
            time[count] = _fixed[Array.BinarySearch(_distinct, reader.GetDouble(1))];
            status[count] = reader.GetInt32(2) == 1;
            var at = count * width;
            for (var c = 0; c < _numeric.Length; c++)
            {
                if (_numeric[c])
                {
                    matrix[at++] = reader.GetDouble(3 + c);
                    continue;
                }
                var level = reader.GetString(3 + c);
                for (var l = 0; l < _levels[c].Count; l++)
                {
                    if (l != _reference[c]) matrix[at++] = _levels[c][l] == level ? 1.0 : 0.0;
                }
            }
            if (++count == ChunkRows)
            {
                yield return new CoxRowChunk(count, stratum, time, status, matrix);
                count = 0;
            }
        }
        if (count > 0) yield return new CoxRowChunk(count, stratum, time, status, matrix);
    }

    public void Dispose()
    {
        try
        {
            _file.Execute("DETACH pnen_spill");
        }
        finally
        {
            File.Delete(_spill);
            File.Delete(_spill + ".wal");
        }
    }
}
