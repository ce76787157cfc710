namespace Pnen.Data.DuckDb;

/// <summary>
/// The aggregations behind Table 1, in plain SQL that runs unchanged on DuckDB, PostgreSQL, Spark
/// SQL and Trino. They read a relation <c>pnen_rows</c> with the grouping <c>grp</c> (text) and the
/// row variables <c>x0</c>, <c>x1</c>, ... (text for a categorical row, double for a continuous one),
/// NULL where missing: rows per (group, value) of one variable, the input of
/// <c>BaselineTableBuilder.BuildFromCounts</c> (a categorical row's contingency table; a continuous
/// row's counts of each distinct value, from which quartiles, ranks and sums follow). Integer
/// counts only, so the result does not depend on the engine's threads.
/// </summary>
public static class Table1Sql
{
    /// <summary>In one scan: rows per group (the row whose GROUPING flags are all 1; a NULL group:
    /// rows left out of the table) and rows per (group, value) of each variable (GROUPING of that
    /// variable 0), every row counted (a level seen only in rows without a group is still a level).</summary>
    /// <param name="columns">The variables: x0, x1, ...</param>
    public static string Counts(IReadOnlyList<string> columns)
    {
        var flags = columns.Select(c => $"GROUPING({c}) AS all_{c}, ");
        var sets = columns.Select(c => $", (grp, {c})");
        return $"SELECT {string.Concat(flags)}grp{string.Concat(columns.Select(c => ", " + c))}, COUNT(*) AS n " +
            $"FROM pnen_rows GROUP BY GROUPING SETS ((grp){string.Concat(sets)})";
    }
}
