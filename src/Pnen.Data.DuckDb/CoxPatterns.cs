using System.Data.Common;
using System.Globalization;

namespace Pnen.Data.DuckDb;

/// <summary>One covariate (or the strata) over the <see cref="CoxPatterns"/> entries: numbers
/// (NaN where missing), or codes (-1 where missing) into the levels of all the file's rows,
/// ordered as the memory engine orders a column's levels.</summary>
public sealed record PatternColumn(string Name, double[]? Values, int[]? Codes, string[] Levels);

/// <summary>What <see cref="CoxSql.Summary"/> returns: rows, rows without a time or an event, rows
/// with both, and per text column (some of x0, x1, ... and stratum) its levels over all rows in the
/// memory engine's order, and those that rows with a time and an event have.</summary>
public sealed record CoxSummary(long Rows, long MissingTime, long MissingStatus, long Timed,
    IReadOnlyDictionary<string, string[]> Levels, IReadOnlyDictionary<string, string[]> PresentLevels)
{
    public static CoxSummary Read(DbConnection connection, IReadOnlyList<string> columns)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(columns);
        var k = columns.Count;
        long rows = 0, missingTime = 0, missingStatus = 0, timed = 0;
        var levels = columns.ToDictionary(c => c, _ => new List<string>());
        var present = columns.ToDictionary(c => c, _ => new HashSet<string>(StringComparer.Ordinal));
        SurvivalAggregate.Each(connection, CoxSql.Summary(columns), r =>
        {
            var grouped = Enumerable.Range(0, k).Where(i => SurvivalAggregate.Long(r, i) == 0).ToArray();
            if (grouped.Length == 0)
            {
                (rows, missingTime, missingStatus, timed) = (SurvivalAggregate.Long(r, 2 * k), SurvivalAggregate.Long(r, 2 * k + 1), SurvivalAggregate.Long(r, 2 * k + 2), SurvivalAggregate.Long(r, 2 * k + 3));
                return;
            }
            var c = grouped[0];
            if (r.IsDBNull(k + c)) return;
            var level = r.GetString(k + c);
            levels[columns[c]].Add(level);
            if (SurvivalAggregate.Long(r, 2 * k + 3) > 0) present[columns[c]].Add(level);
        });
        var ordered = columns.ToDictionary(c => c, c => LevelOrder.Sort(levels[c]).Ordered);
        return new CoxSummary(rows, missingTime, missingStatus, timed, ordered,
            columns.ToDictionary(c => c, c => ordered[c].Where(present[c].Contains).ToArray()));
    }
}

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
    /// <param name="summary">The <see cref="CoxSummary"/> of the text covariates and stratum, when already read.</param>
    public static CoxPatterns Read(DbConnection connection, IReadOnlyList<(string Name, bool Numeric)> covariates, string? strata, CoxSummary? summary = null)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(covariates);
        var names = CoxSql.Covariates(covariates.Count).ToArray();
        summary ??= CoxSummary.Read(connection, TextColumns(covariates.Select(c => c.Numeric).ToArray(), strata is not null));
        var levels = names.Select((n, i) => covariates[i].Numeric ? [] : summary.Levels[n]).ToArray();
        var strataLevels = strata is null ? ["all"] : summary.Levels["stratum"];

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
            status.Add(SurvivalAggregate.Long(r, 2) == 1);
            for (var c = 0; c < covariates.Count; c++)
            {
                if (covariates[c].Numeric) values[c].Add(r.IsDBNull(3 + c) ? double.NaN : r.GetDouble(3 + c));
                else codes[c].Add(r.IsDBNull(3 + c) ? -1 : index[c][r.GetString(3 + c)]);
            }
            count.Add(checked((int)SurvivalAggregate.Long(r, 3 + covariates.Count)));
        });
        var columns = covariates.Select((c, i) => c.Numeric
            ? new PatternColumn(c.Name, values[i].ToArray(), null, [])
            : new PatternColumn(c.Name, null, codes[i].ToArray(), levels[i])).ToArray();
        var strataColumn = strata is null ? null : new PatternColumn(strata, null, stratum.ToArray(), strataLevels);
        return new CoxPatterns(time.ToArray(), status.ToArray(), count.ToArray(), columns, strataColumn, summary.Rows, summary.MissingTime, summary.MissingStatus);
    }

    /// <summary>The text columns of the model: the x's that are not numbers, and stratum when there are strata.</summary>
    public static string[] TextColumns(IReadOnlyList<bool> numeric, bool stratified) =>
        CoxSql.Covariates(numeric.Count).Where((_, i) => !numeric[i]).Concat(stratified ? ["stratum"] : Array.Empty<string>()).ToArray();

}
