using System.Data.Common;
using Pnen.Stats.Survival;

namespace Pnen.Data.DuckDb;

/// <summary>
/// What the <see cref="SurvivalSql"/> queries return, ready for the count entry points of
/// Pnen.Stats: the counts with group and stratum codes, the levels (ordered as the memory engine
/// orders a column's levels over the whole file, and kept only where complete rows have them, as
/// it keeps them), and how many rows there were and how many had each column missing.
/// </summary>
public sealed record SurvivalAggregate(
    SurvivalCounts Counts,
    string[] GroupLevels,
    string[] StrataLevels,
    long RowCount,
    IReadOnlyList<long> Missing)
{
    /// <summary>Rows complete in time, event, group and strata: those counted.</summary>
    public long Kept => Counts.Events.Sum(e => (long)e) + Counts.Censored.Sum(c => (long)c);

    /// <summary>Runs the queries on any connection where <c>pnen_rows</c> exists (DuckDB, PostgreSQL, ...).</summary>
    public static SurvivalAggregate Read(DbConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var missing = new long[4];
        long rows = 0;
        Each(connection, SurvivalSql.Missing, r =>
        {
            rows = Convert.ToInt64(r.GetValue(0), System.Globalization.CultureInfo.InvariantCulture);
            for (var i = 0; i < 4; i++) missing[i] = Convert.ToInt64(r.GetValue(i + 1), System.Globalization.CultureInfo.InvariantCulture);
        });
        var allGroups = Levels(connection, SurvivalSql.GroupLevels);
        var allStrata = Levels(connection, SurvivalSql.StrataLevels);

        var entries = new List<(string S, string G, double T, long D, long C)>();
        Each(connection, SurvivalSql.Counts, r => entries.Add((r.GetString(0), r.GetString(1), r.GetDouble(2),
            Convert.ToInt64(r.GetValue(3), System.Globalization.CultureInfo.InvariantCulture),
            Convert.ToInt64(r.GetValue(4), System.Globalization.CultureInfo.InvariantCulture))));

        // Levels that complete rows have, in the order of all the column's levels.
        var groups = allGroups.Where(l => entries.Any(e => e.G == l)).ToArray();
        var strata = allStrata.Where(l => entries.Any(e => e.S == l)).ToArray();
        var groupCode = groups.Select((l, i) => (l, i)).ToDictionary(p => p.l, p => p.i, StringComparer.Ordinal);
        var strataCode = strata.Select((l, i) => (l, i)).ToDictionary(p => p.l, p => p.i, StringComparer.Ordinal);
        var counts = new SurvivalCounts(
            entries.Select(e => strataCode[e.S]).ToArray(),
            entries.Select(e => groupCode[e.G]).ToArray(),
            entries.Select(e => e.T).ToArray(),
            entries.Select(e => checked((int)e.D)).ToArray(),
            entries.Select(e => checked((int)e.C)).ToArray());
        return new SurvivalAggregate(counts, groups, strata, rows, missing);
    }

    private static string[] Levels(DbConnection connection, string sql)
    {
        var levels = new List<string>();
        Each(connection, sql, r => levels.Add(r.GetString(0)));
        return LevelOrder.Sort(levels).Ordered;
    }

    internal static void Each(DbConnection connection, string sql, Action<DbDataReader> row)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        while (reader.Read()) row(reader);
    }
}
