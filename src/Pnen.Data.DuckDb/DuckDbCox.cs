namespace Pnen.Data.DuckDb;

/// <summary>
/// Cox input from a file of any size: the columns checked as the memory engine checks them, a
/// column asked for as <see cref="ColumnKind.Auto"/> read as numbers when every present value is
/// one (else as levels), the view <c>pnen_rows</c> made over the file, and the <see cref="CoxSql"/>
/// aggregation run on it.
/// </summary>
public static class DuckDbCox
{
    /// <param name="covariates">Each covariate with its kind: Numeric, Categorical or Auto.</param>
    public static CoxPatterns Patterns(DuckDbFile file, string time, string @event, IReadOnlyList<(string Name, ColumnKind Kind)> covariates, string? strata)
    {
        var numeric = Prepare(file, time, @event, covariates, strata);
        return ReadPatterns(file, covariates.Select((c, i) => (c.Name, numeric[i])).ToArray(), strata);
    }

    /// <summary>The <see cref="CoxSql"/> counts over the view <see cref="Prepare"/> made.</summary>
    public static CoxPatterns ReadPatterns(DuckDbFile file, IReadOnlyList<(string Name, bool Numeric)> covariates, string? strata, CoxSummary? summary = null)
    {
        ArgumentNullException.ThrowIfNull(file);
        return file.Guard(() => CoxPatterns.Read(file.Connection, covariates, strata, summary));
    }

    /// <summary>The <see cref="CoxSql.Summary"/> over the view <see cref="Prepare"/> made.</summary>
    public static CoxSummary Summary(DuckDbFile file, IReadOnlyList<bool> numeric, bool stratified)
    {
        ArgumentNullException.ThrowIfNull(file);
        return file.Guard(() => CoxSummary.Read(file.Connection, CoxPatterns.TextColumns(numeric, stratified)));
    }

    /// <summary>Checks the columns, decides which covariates are numbers, and makes the view
    /// <c>pnen_rows</c> (survival_time, status, stratum, x0, x1, ...). Returns whether each covariate is numeric.</summary>
    public static bool[] Prepare(DuckDbFile file, string time, string @event, IReadOnlyList<(string Name, ColumnKind Kind)> covariates, string? strata)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(covariates);
        var timeSql = file.Column(time);
        var eventSql = file.Column(@event);
        var covariateSql = covariates.Select(c => file.Column(c.Name)).ToArray();
        var strataSql = strata is null ? null : file.Column(strata);

        var auto = covariates.Select((c, i) => (c, i)).Where(p => p.c.Kind == ColumnKind.Auto).Select(p => p.i).ToArray();
        var numeric = covariates.Select(c => c.Kind == ColumnKind.Numeric).ToArray();
        if (auto.Length > 0)
        {
            var sums = string.Join(", ", auto.Select(i => $"CAST(SUM(CASE WHEN {covariateSql[i].NotNumeric} THEN 1 ELSE 0 END) AS BIGINT)"));
            var notNumbers = file.Query($"SELECT {sums} FROM pnen_file", r =>
            {
                r.Read();
                return auto.Select((_, k) => r.IsDBNull(k) ? 0 : r.GetInt64(k)).ToArray();
            });
            for (var k = 0; k < auto.Length; k++) numeric[auto[k]] = notNumbers[k] == 0;
        }

        var checks = new List<(ColumnSql, ColumnKind)> { (timeSql, ColumnKind.NonNegative), (eventSql, ColumnKind.Event) };
        checks.AddRange(covariateSql.Select((c, i) => (c, numeric[i] ? ColumnKind.Numeric : ColumnKind.Categorical)));
        DuckDbChecks.Validate(file, checks);

        var select = new List<string>
        {
            $"{timeSql.Value(ColumnKind.NonNegative)} AS survival_time",
            $"{eventSql.Value(ColumnKind.Event)} AS status",
            $"{strataSql?.Value(ColumnKind.Categorical) ?? "'all'"} AS stratum",
        };
        select.AddRange(CoxSql.Covariates(covariates.Count).Select((x, i) => $"{covariateSql[i].Value(numeric[i] ? ColumnKind.Numeric : ColumnKind.Categorical)} AS {x}"));
        file.Execute($"CREATE OR REPLACE VIEW pnen_rows AS SELECT {string.Join(", ", select)} FROM pnen_file");
        return numeric;
    }

    /// <summary>The most distinct values any numeric covariate has (0 without one): many make about
    /// one pattern per row, where streaming the rows is the better way.</summary>
    public static long MostDistinctValues(DuckDbFile file, IReadOnlyList<bool> numeric)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(numeric);
        var columns = CoxSql.Covariates(numeric.Count).Where((_, i) => numeric[i]).ToArray();
        if (columns.Length == 0) return 0;
        return file.Query($"SELECT {string.Join(", ", columns.Select(c => $"COUNT(DISTINCT {c})"))} FROM pnen_rows", r =>
        {
            r.Read();
            return Enumerable.Range(0, columns.Length).Max(i => r.GetInt64(i));
        });
    }
}
