namespace Pnen.Data.DuckDb;

/// <summary>
/// The aggregation queries behind KM and the log-rank test, in plain SQL that runs unchanged on
/// DuckDB, PostgreSQL, Spark SQL and Trino (docs/scale.md). They read a relation <c>pnen_rows</c>
/// with columns <c>survival_time</c> (double), <c>status</c> (integer 0/1), <c>grp</c> and
/// <c>stratum</c> (text), NULL where a value is missing; DuckDB makes it a view over the file
/// (<see cref="DuckDbSurvival"/>), another engine a table or view of its own.
/// </summary>
public static class SurvivalSql
{
    /// <summary>In one scan: the levels of the group and of the strata among all rows where they
    /// are present (the memory engine orders a column's levels over the whole file), and in the
    /// grand-total row (both GROUPING flags 1) the rows and the missing values per column, which
    /// the complete-case drop note reports.</summary>
    public const string Summary =
        "SELECT GROUPING(grp) AS by_all_grp, GROUPING(stratum) AS by_all_stratum, grp, stratum, COUNT(*) AS n_rows, " +
        "COUNT(*) - COUNT(survival_time) AS missing_time, COUNT(*) - COUNT(status) AS missing_status, " +
        "COUNT(*) - COUNT(grp) AS missing_grp, COUNT(*) - COUNT(stratum) AS missing_stratum " +
        "FROM pnen_rows GROUP BY GROUPING SETS ((grp), (stratum), ())";

    /// <summary>Events and censorings per (stratum, group, time) over the complete rows: the input of
    /// <c>KaplanMeier.FitCounts</c> and <c>LogRank.TestCounts</c>. Integer counts only, so the
    /// result does not depend on the engine's threads.</summary>
    public const string Counts =
        "SELECT stratum, grp, survival_time, CAST(SUM(status) AS BIGINT) AS events, CAST(COUNT(*) - SUM(status) AS BIGINT) AS censored " +
        "FROM pnen_rows WHERE survival_time IS NOT NULL AND status IS NOT NULL AND grp IS NOT NULL AND stratum IS NOT NULL " +
        "GROUP BY stratum, grp, survival_time ORDER BY stratum, grp, survival_time";
}
