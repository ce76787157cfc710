using DuckDB.NET.Data;

namespace Pnen.Data.DuckDb;

/// <summary>
/// KM and log-rank input from a file of any size: the columns checked as the memory engine checks
/// them (<see cref="DuckDbChecks"/>), the view <c>pnen_rows</c> made over the file (only the four
/// columns are read), and the <see cref="SurvivalSql"/> aggregations run on it.
/// </summary>
public static class DuckDbSurvival
{
    /// <param name="group">The group column, or null for one group "all".</param>
    /// <param name="strata">The strata column, or null for one stratum "all".</param>
    public static SurvivalAggregate Aggregate(DuckDbFile file, string time, string @event, string? group, string? strata)
    {
        ArgumentNullException.ThrowIfNull(file);
        var columns = new List<(ColumnSql Column, ColumnKind Kind)> { (file.Column(time), ColumnKind.NonNegative), (file.Column(@event), ColumnKind.Event) };
        var groupSql = group is null ? null : file.Column(group);
        var strataSql = strata is null ? null : file.Column(strata);
        if (groupSql is not null) columns.Add((groupSql, ColumnKind.Categorical));
        if (strataSql is not null) columns.Add((strataSql, ColumnKind.Categorical));
        DuckDbChecks.Validate(file, columns);

        file.Execute("CREATE OR REPLACE VIEW pnen_rows AS SELECT " +
            $"{columns[0].Column.Value(ColumnKind.NonNegative)} AS survival_time, {columns[1].Column.Value(ColumnKind.Event)} AS status, " +
            $"{groupSql?.Value(ColumnKind.Categorical) ?? "'all'"} AS grp, {strataSql?.Value(ColumnKind.Categorical) ?? "'all'"} AS stratum FROM pnen_file");
        return file.Guard(() => SurvivalAggregate.Read(file.Connection));
    }
}
