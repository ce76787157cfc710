using System.Globalization;

namespace Pnen.Data.DuckDb;

/// <summary>
/// The aggregation behind a Cox model whose covariates take few values (categorical, or numbers
/// such as 0/1 or a grade), in plain SQL that runs unchanged on DuckDB, PostgreSQL, Spark SQL and
/// Trino: rows per (stratum, time, status, covariate pattern), the input of
/// <c>CoxRegression.FitCounts</c>. It reads a relation <c>pnen_rows</c> with <c>survival_time</c>,
/// <c>status</c>, <c>stratum</c> and covariates <c>x0</c>, <c>x1</c>, ... (double or text), NULL
/// where missing. Rows with a missing covariate or stratum stay in (as their own pattern) so the
/// fit counts them as dropped rows; rows without a time or an event are counted apart.
/// </summary>
public static class CoxSql
{
    /// <summary>In one scan: the levels of the text covariates (and the strata) among all rows
    /// where they are present, each with the rows that also have a time and an event, and in the
    /// grand-total row (every GROUPING flag 1) the rows, the rows without a time or an event, and
    /// the rows with both.</summary>
    /// <param name="columns">The text columns: some of x0, x1, ... and stratum.</param>
    public static string Summary(IReadOnlyList<string> columns)
    {
        var flags = columns.Select(c => $"GROUPING({c}) AS all_{c}, ");
        var sets = columns.Select(c => $"({c}), ").Append("()");
        return $"SELECT {string.Concat(flags)}{string.Concat(columns.Select(c => c + ", "))}COUNT(*) AS n_rows, " +
            "COUNT(*) - COUNT(survival_time) AS missing_time, COUNT(*) - COUNT(status) AS missing_status, " +
            "COUNT(CASE WHEN survival_time IS NOT NULL AND status IS NOT NULL THEN 1 END) AS timed " +
            $"FROM pnen_rows GROUP BY GROUPING SETS ({string.Concat(sets)})";
    }

    /// <summary>Rows per (stratum, time, status, x0, ..., x{k-1}) among rows with a time and an event.</summary>
    public static string Patterns(int covariates)
    {
        var keys = string.Join(", ", new[] { "stratum", "survival_time", "status" }.Concat(Covariates(covariates)));
        return $"SELECT {keys}, COUNT(*) AS n FROM pnen_rows WHERE survival_time IS NOT NULL AND status IS NOT NULL GROUP BY {keys} ORDER BY {keys}";
    }

    public static IEnumerable<string> Covariates(int count) => Enumerable.Range(0, count).Select(i => "x" + i.ToString(CultureInfo.InvariantCulture));
}
