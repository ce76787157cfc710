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
    /// <summary>Rows, and missing values per column: what the complete-case drop note reports.</summary>
    public const string Missing =
        "SELECT COUNT(*) AS n_rows, COUNT(*) - COUNT(survival_time) AS missing_time, COUNT(*) - COUNT(status) AS missing_status, " +
        "COUNT(*) - COUNT(grp) AS missing_grp, COUNT(*) - COUNT(stratum) AS missing_stratum FROM pnen_rows";

    /// <summary>The levels of the group among all rows where it is present (the memory engine
    /// orders a column's levels over the whole file).</summary>
    public const string GroupLevels = "SELECT DISTINCT grp FROM pnen_rows WHERE grp IS NOT NULL";

    /// <summary>Same for the strata.</summary>
    public const string StrataLevels = "SELECT DISTINCT stratum FROM pnen_rows WHERE stratum IS NOT NULL";

    /// <summary>Events and censorings per (stratum, group, time) over the complete rows: the input of
    /// <c>KaplanMeier.FitCounts</c> and <c>LogRank.TestCounts</c>. Integer counts only, so the
    /// result does not depend on the engine's threads.</summary>
    public const string Counts =
        "SELECT stratum, grp, survival_time, CAST(SUM(status) AS BIGINT) AS events, CAST(COUNT(*) - SUM(status) AS BIGINT) AS censored " +
        "FROM pnen_rows WHERE survival_time IS NOT NULL AND status IS NOT NULL AND grp IS NOT NULL AND stratum IS NOT NULL " +
        "GROUP BY stratum, grp, survival_time ORDER BY stratum, grp, survival_time";
}
