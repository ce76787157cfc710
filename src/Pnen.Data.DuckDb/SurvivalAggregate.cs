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
        var groupLevels = new List<string>();
        var strataLevels = new List<string>();
        Each(connection, SurvivalSql.Summary, r =>
        {
            var (allGroups, allStrata) = (Long(r, 0) == 1, Long(r, 1) == 1);
            if (allGroups && allStrata)
            {
                rows = Long(r, 4);
                for (var i = 0; i < 4; i++) missing[i] = Long(r, 5 + i);
            }
            else if (!allGroups && !r.IsDBNull(2)) groupLevels.Add(r.GetString(2));
            else if (!allStrata && !r.IsDBNull(3)) strataLevels.Add(r.GetString(3));
        });
        var allGroupLevels = LevelOrder.Sort(groupLevels).Ordered;
        var allStrataLevels = LevelOrder.Sort(strataLevels).Ordered;

        var entries = new List<(string S, string G, double T, long D, long C)>();
        Each(connection, SurvivalSql.Counts, r => entries.Add((r.GetString(0), r.GetString(1), r.GetDouble(2),
            Long(r, 3), Long(r, 4))));

        // Levels that complete rows have, in the order of all the column's levels.
        var groups = allGroupLevels.Where(l => entries.Any(e => e.G == l)).ToArray();
        var strata = allStrataLevels.Where(l => entries.Any(e => e.S == l)).ToArray();
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

    internal static long Long(DbDataReader reader, int ordinal) => Convert.ToInt64(reader.GetValue(ordinal), System.Globalization.CultureInfo.InvariantCulture);

    internal static void Each(DbConnection connection, string sql, Action<DbDataReader> row)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        while (reader.Read()) row(reader);
    }
}
