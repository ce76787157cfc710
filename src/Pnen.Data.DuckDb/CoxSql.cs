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
    /// <summary>Rows, and rows without a time or an event.</summary>
    public const string Missing =
        "SELECT COUNT(*) AS n_rows, COUNT(*) - COUNT(survival_time) AS missing_time, COUNT(*) - COUNT(status) AS missing_status FROM pnen_rows";

    /// <summary>The levels of a text covariate (or of the strata) among all rows where it is present.</summary>
    public static string Levels(string column) => $"SELECT DISTINCT {column} FROM pnen_rows WHERE {column} IS NOT NULL";

    /// <summary>Rows per (stratum, time, status, x0, ..., x{k-1}) among rows with a time and an event.</summary>
    public static string Patterns(int covariates)
    {
        var keys = string.Join(", ", new[] { "stratum", "survival_time", "status" }.Concat(Covariates(covariates)));
        return $"SELECT {keys}, COUNT(*) AS n FROM pnen_rows WHERE survival_time IS NOT NULL AND status IS NOT NULL GROUP BY {keys} ORDER BY {keys}";
    }

    public static IEnumerable<string> Covariates(int count) => Enumerable.Range(0, count).Select(i => "x" + i.ToString(CultureInfo.InvariantCulture));
}
