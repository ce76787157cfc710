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
    /// <summary>Rows per group (a NULL group: rows left out of the table).</summary>
    public const string Groups = "SELECT grp, COUNT(*) AS n FROM pnen_rows GROUP BY grp";

    /// <summary>Rows per (group, value) of one variable, every row (a level seen only in rows
    /// without a group is still a level of the variable).</summary>
    public static string Counts(string column) => $"SELECT grp, {column}, COUNT(*) AS n FROM pnen_rows GROUP BY grp, {column} ORDER BY grp, {column}";
}
