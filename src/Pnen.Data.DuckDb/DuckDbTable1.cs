using System.Data.Common;
using System.Globalization;
using Pnen.Stats.Baseline;

namespace Pnen.Data.DuckDb;

/// <summary>
/// Table 1 input from a file of any size: the grouping and the row variables read as the memory
/// engine reads them (a column asked for as <see cref="ColumnKind.Auto"/> is numbers when every
/// present value is one, else levels), the view <c>pnen_rows</c>, and the <see cref="Table1Sql"/>
/// counts. Levels are ordered as the memory engine orders a column's levels (over all rows).
/// </summary>
public static class DuckDbTable1
{
    /// <summary>The counts <see cref="BaselineTableBuilder.BuildFromCounts"/> takes.</summary>
    public sealed record Input(string By, string[] Groups, int[] GroupSizes, int Excluded, IReadOnlyList<CountedVariable> Variables, long RowCount);

    public static Input Aggregate(DuckDbFile file, string by, IReadOnlyList<(string Name, ColumnKind Kind)> variables)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(variables);
        var bySql = file.Column(by);
        var sql = variables.Select(v => file.Column(v.Name)).ToArray();
        var numeric = variables.Select(v => v.Kind == ColumnKind.Numeric).ToArray();
        var auto = Enumerable.Range(0, variables.Count).Where(i => variables[i].Kind == ColumnKind.Auto).ToArray();
        if (auto.Length > 0)
        {
            var sums = string.Join(", ", auto.Select(i => $"CAST(SUM(CASE WHEN {sql[i].NotNumeric} THEN 1 ELSE 0 END) AS BIGINT)"));
            var text = file.Query($"SELECT {sums} FROM pnen_file", r =>
            {
                r.Read();
                return auto.Select((_, k) => r.IsDBNull(k) ? 0 : r.GetInt64(k)).ToArray();
            });
            for (var k = 0; k < auto.Length; k++) numeric[auto[k]] = text[k] == 0;
        }
        DuckDbChecks.Validate(file, sql.Select((c, i) => (c, numeric[i] ? ColumnKind.Numeric : ColumnKind.Categorical)).ToArray());
        var select = new[] { $"{bySql.Value(ColumnKind.Categorical)} AS grp" }
            .Concat(sql.Select((c, i) => $"{c.Value(numeric[i] ? ColumnKind.Numeric : ColumnKind.Categorical)} AS x{i.ToString(CultureInfo.InvariantCulture)}"));
        file.Execute($"CREATE OR REPLACE VIEW pnen_rows AS SELECT {string.Join(", ", select)} FROM pnen_file");
        return file.Guard(() => Read(file.Connection, by, variables.Select((v, i) => (v.Name, numeric[i])).ToArray()));
    }

    /// <summary>Runs the queries on any connection where <c>pnen_rows</c> exists.</summary>
    public static Input Read(DbConnection connection, string by, IReadOnlyList<(string Name, bool Numeric)> variables)
    {
        ArgumentNullException.ThrowIfNull(variables);
        var k = variables.Count;
        var columns = Enumerable.Range(0, k).Select(v => "x" + v.ToString(CultureInfo.InvariantCulture)).ToArray();
        var sizes = new Dictionary<string, long>(StringComparer.Ordinal);
        long excluded = 0, rows = 0;
        var raw = new List<(string? Group, int Variable, object? Value, long N)>();
        SurvivalAggregate.Each(connection, Table1Sql.Counts(columns), r =>
        {
            var n = SurvivalAggregate.Long(r, 2 * k + 1);
            var group = r.IsDBNull(k) ? null : r.GetString(k);
            var variable = Enumerable.Range(0, k).FirstOrDefault(v => SurvivalAggregate.Long(r, v) == 0, -1);
            if (variable < 0)
            {
                rows += n;
                if (group is null) excluded += n;
                else sizes[group] = n;
                return;
            }
            var at = k + 1 + variable;
            raw.Add((group, variable, r.IsDBNull(at) ? null : variables[variable].Numeric ? r.GetDouble(at) : r.GetString(at), n));
        });
        var groups = LevelOrder.Sort(sizes.Keys.ToList()).Ordered;
        var groupIndex = Index(groups);
        var counted = new List<CountedVariable>();
        for (var v = 0; v < k; v++)
        {
            var cells = raw.Where(c => c.Variable == v).Select(c => (Group: c.Group is null ? -1 : groupIndex[c.Group], c.Value, c.N)).ToList();
            var missing = new int[groups.Length];
            foreach (var (g, value, n) in cells)
            {
                if (g >= 0 && value is null) missing[g] += checked((int)n);
            }
            var present = cells.Where(c => c.Group >= 0 && c.Value is not null).ToArray();
            if (variables[v].Numeric)
            {
                var byGroup = Enumerable.Range(0, groups.Length).Select(g => present.Where(c => c.Group == g).OrderBy(c => (double)c.Value!).ToArray()).ToArray();
                counted.Add(new ValueCounts(variables[v].Name,
                    byGroup.Select(g => g.Select(c => (double)c.Value!).ToArray()).ToArray(),
                    byGroup.Select(g => g.Select(c => c.N).ToArray()).ToArray(), missing));
            }
            else
            {
                var levels = LevelOrder.Sort(cells.Where(c => c.Value is not null).Select(c => (string)c.Value!).Distinct(StringComparer.Ordinal).ToList()).Ordered;
                var levelIndex = Index(levels);
                var counts = new int[levels.Length, groups.Length];
                foreach (var (g, value, n) in present) counts[levelIndex[(string)value!], g] += checked((int)n);
                counted.Add(new CategoricalCounts(variables[v].Name, levels, counts, missing));
            }
        }
        return new Input(by, groups, groups.Select(g => checked((int)sizes[g])).ToArray(), checked((int)excluded), counted, rows);
    }

    private static Dictionary<string, int> Index(string[] levels) =>
        levels.Select((level, i) => (level, i)).ToDictionary(p => p.level, p => p.i, StringComparer.Ordinal);
}
