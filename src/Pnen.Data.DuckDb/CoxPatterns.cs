using System.Data.Common;
using System.Globalization;

namespace Pnen.Data.DuckDb;

/// <summary>One covariate (or the strata) over the <see cref="CoxPatterns"/> entries: numbers
/// (NaN where missing), or codes (-1 where missing) into the levels of all the file's rows,
/// ordered as the memory engine orders a column's levels.</summary>
public sealed record PatternColumn(string Name, double[]? Values, int[]? Codes, string[] Levels);

/// <summary>
/// What the <see cref="CoxSql"/> queries return: one entry per (stratum, time, status, covariate
/// pattern) with its number of rows, and the rows without a time or an event.
/// </summary>
public sealed record CoxPatterns(
    double[] Time, bool[] Status, int[] Count, IReadOnlyList<PatternColumn> Covariates, PatternColumn? Strata,
    long RowCount, long MissingTime, long MissingStatus)
{
    /// <summary>Runs the queries on any connection where <c>pnen_rows</c> exists.</summary>
    /// <param name="covariates">For each covariate x0, x1, ...: its name and whether it is a number (else text).</param>
    public static CoxPatterns Read(DbConnection connection, IReadOnlyList<(string Name, bool Numeric)> covariates, string? strata)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(covariates);
        long rows = 0, missingTime = 0, missingStatus = 0;
        SurvivalAggregate.Each(connection, CoxSql.Missing, r => (rows, missingTime, missingStatus) = (Long(r, 0), Long(r, 1), Long(r, 2)));

        var names = CoxSql.Covariates(covariates.Count).ToArray();
        var levels = names.Select((n, i) => covariates[i].Numeric ? [] : Levels(connection, n)).ToArray();
        var strataLevels = strata is null ? ["all"] : Levels(connection, "stratum");

        var time = new List<double>();
        var status = new List<bool>();
        var count = new List<int>();
        var stratum = new List<int>();
        var values = covariates.Select(_ => new List<double>()).ToArray();
        var codes = covariates.Select(_ => new List<int>()).ToArray();
        var index = levels.Select(l => l.Select((level, i) => (level, i)).ToDictionary(p => p.level, p => p.i, StringComparer.Ordinal)).ToArray();
        var strataIndex = strataLevels.Select((level, i) => (level, i)).ToDictionary(p => p.level, p => p.i, StringComparer.Ordinal);
        SurvivalAggregate.Each(connection, CoxSql.Patterns(covariates.Count), r =>
        {
            stratum.Add(r.IsDBNull(0) ? -1 : strataIndex[r.GetString(0)]);
            time.Add(r.GetDouble(1));
            status.Add(Long(r, 2) == 1);
            for (var c = 0; c < covariates.Count; c++)
            {
                if (covariates[c].Numeric) values[c].Add(r.IsDBNull(3 + c) ? double.NaN : r.GetDouble(3 + c));
                else codes[c].Add(r.IsDBNull(3 + c) ? -1 : index[c][r.GetString(3 + c)]);
            }
            count.Add(checked((int)Long(r, 3 + covariates.Count)));
        });
        var columns = covariates.Select((c, i) => c.Numeric
            ? new PatternColumn(c.Name, values[i].ToArray(), null, [])
            : new PatternColumn(c.Name, null, codes[i].ToArray(), levels[i])).ToArray();
        var strataColumn = strata is null ? null : new PatternColumn(strata, null, stratum.ToArray(), strataLevels);
        return new CoxPatterns(time.ToArray(), status.ToArray(), count.ToArray(), columns, strataColumn, rows, missingTime, missingStatus);
    }

    private static string[] Levels(DbConnection connection, string column)
    {
        var levels = new List<string>();
        SurvivalAggregate.Each(connection, CoxSql.Levels(column), r => levels.Add(r.GetString(0)));
        return LevelOrder.Sort(levels).Ordered;
    }

    private static long Long(DbDataReader reader, int ordinal) => Convert.ToInt64(reader.GetValue(ordinal), CultureInfo.InvariantCulture);
}
