using System.Globalization;

namespace Pnen.Data.DuckDb;

/// <summary>
/// The strict checks of the in-memory reader, as SQL over the whole file: one scan counts the bad
/// cells of every requested column; only when there are some does a second, ordered scan find the
/// first <see cref="DataErrorCollector.Capacity"/> of them with their data rows (Parquet's file row
/// number; a CSV file's rows counted in file order on one thread), so the
/// <see cref="DataException"/> names file, row, column and value and counts the rest, as the memory
/// engine's does.
/// </summary>
internal static class DuckDbChecks
{
    public static void Validate(DuckDbFile file, IReadOnlyList<(ColumnSql Column, ColumnKind Kind)> columns)
    {
        var checks = columns.Where(c => c.Kind != ColumnKind.Categorical).DistinctBy(c => c.Column.Name).ToArray();
        if (checks.Length == 0) return;
        var sums = string.Join(", ", checks.Select(c => $"CAST(SUM(CASE WHEN {c.Column.Bad(c.Kind)} THEN 1 ELSE 0 END) AS BIGINT)"));
        var total = file.Query($"SELECT {sums} FROM pnen_file", reader =>
        {
            reader.Read();
            var sum = 0L;
            for (var i = 0; i < checks.Length; i++) sum += reader.IsDBNull(i) ? 0 : reader.GetInt64(i);
            return sum;
        });
        if (total == 0) return;

        var flags = string.Join(", ", checks.Select(c => $"{c.Column.Bad(c.Kind)}, {c.Column.Raw}"));
        var any = string.Join(" OR ", checks.Select(c => c.Column.Bad(c.Kind)));
        var limit = DataErrorCollector.Capacity.ToString(CultureInfo.InvariantCulture);
        var errors = file.Rows($"SELECT pnen_row, {flags} FROM {file.RowSource} WHERE {any} ORDER BY pnen_row LIMIT {limit}", reader =>
        {
            var found = new List<DataError>();
            var row = reader.GetInt64(0);
            for (var i = 0; i < checks.Length; i++)
            {
                if (!reader.GetBoolean(1 + 2 * i)) continue;
                var raw = reader.GetString(2 + 2 * i);
                found.Add(new DataError(file.DisplayName, row, checks[i].Column.Name, raw, ColumnSql.Problem(checks[i].Kind, raw)));
            }
            return found;
        }).SelectMany(e => e).Take(DataErrorCollector.Capacity).ToArray();
        throw new DataException(errors, total);
    }
}
