using Npgsql;
using NpgsqlTypes;
using Pnen.Stats.Baseline;
using Pnen.Stats.Survival;
using Pnen.Stats.Survival.Cox;

namespace Pnen.Data.DuckDb.Tests;

/// <summary>
/// The aggregation queries (SurvivalSql, CoxSql, Table1Sql) are plain SQL: the same query text runs
/// on a real PostgreSQL server over a copy of DuckDB's <c>pnen_rows</c>, and both give the same
/// counts, so the same Kaplan-Meier, log-rank, Cox and Table 1 results; those equal the row-level
/// (in-memory) results on the same rows. Skipped, with the reason, where no server can start.
/// </summary>
public sealed class PostgreSqlTests(PostgreSqlServer server) : IClassFixture<PostgreSqlServer>
{
    private static string Data(string name) => Path.Combine(AppContext.BaseDirectory, "TestData", name);

    [SkippableFact]
    public void SurvivalCountsAreTheSameOnPostgreSql()
    {
        Skip.If(server.Unavailable is not null, server.Unavailable);
        using var file = DuckDbFile.Open(Data("lung.csv"));
        var duck = DuckDbSurvival.Aggregate(file, "time", "event", "ph.ecog", "sex");
        using var pg = server.Open();
        Copy(file, pg, "survival_time double precision, status integer, grp text, stratum text");

        var postgres = SurvivalAggregate.Read(pg);

        Assert.Equal(duck.RowCount, postgres.RowCount);
        Assert.Equal(duck.Missing, postgres.Missing);
        Assert.Equal(duck.GroupLevels, postgres.GroupLevels);
        Assert.Equal(duck.StrataLevels, postgres.StrataLevels);
        Assert.Equal(Entries(duck.Counts), Entries(postgres.Counts));

        // The row-level log-rank test on the same complete rows gives the same result.
        var rows = Rows(file, "SELECT survival_time, status, grp, stratum FROM pnen_rows WHERE survival_time IS NOT NULL AND status IS NOT NULL AND grp IS NOT NULL AND stratum IS NOT NULL");
        var group = rows.Select(r => Array.IndexOf(duck.GroupLevels, (string)r[2]!)).ToArray();
        var strata = rows.Select(r => Array.IndexOf(duck.StrataLevels, (string)r[3]!)).ToArray();
        var fromRows = LogRank.Test(rows.Select(r => (double)r[0]!).ToArray(), rows.Select(r => (int)r[1]! == 1).ToArray(), group, duck.GroupLevels, strata, duck.StrataLevels.Length);
        var fromPostgres = LogRank.TestCounts(postgres.Counts, postgres.GroupLevels, postgres.StrataLevels.Length);
        Assert.Equal(fromRows.ChiSquare, fromPostgres.ChiSquare);
        Assert.Equal(fromRows.Groups, fromPostgres.Groups);
        Assert.Equal(KaplanMeier.FitCounts(duck.Counts, duck.GroupLevels).Select(c => c.Steps.Count), KaplanMeier.FitCounts(postgres.Counts, postgres.GroupLevels).Select(c => c.Steps.Count));
    }

    [SkippableFact]
    public void CoxPatternsAreTheSameOnPostgreSql()
    {
        Skip.If(server.Unavailable is not null, server.Unavailable);
        using var file = DuckDbFile.Open(Data("veteran.csv"));
        var duck = DuckDbCox.Patterns(file, "time", "status", [("trt", ColumnKind.Auto), ("celltype", ColumnKind.Categorical), ("prior", ColumnKind.Categorical)], "karno");
        using var pg = server.Open();
        Copy(file, pg, "survival_time double precision, status integer, stratum text, x0 double precision, x1 text, x2 text");

        var postgres = CoxPatterns.Read(pg, [("trt", true), ("celltype", false), ("prior", false)], "karno");

        Assert.Equal((duck.RowCount, duck.MissingTime, duck.MissingStatus), (postgres.RowCount, postgres.MissingTime, postgres.MissingStatus));
        Assert.Equal(duck.Time, postgres.Time);
        Assert.Equal(duck.Status, postgres.Status);
        Assert.Equal(duck.Count, postgres.Count);
        Assert.Equal(duck.Strata!.Codes, postgres.Strata!.Codes);
        for (var c = 0; c < 3; c++) Assert.Equal(duck.Covariates[c], postgres.Covariates[c], (a, b) => a.Levels.SequenceEqual(b.Levels) && (a.Codes ?? []).SequenceEqual(b.Codes ?? []) && (a.Values ?? []).SequenceEqual(b.Values ?? []));

        // The frequency-weighted fit on PostgreSQL's counts equals the row-level fit on the rows.
        var rows = Rows(file, "SELECT survival_time, status, stratum, x0, x1, x2 FROM pnen_rows");
        var fit = Fit(postgres);
        var levels = postgres.Covariates[1].Levels;
        var rowFit = CoxRegression.Fit(rows.Select(r => (double)r[0]!).ToArray(), rows.Select(r => (int)r[1]! == 1).ToArray(),
            [new NumericCovariate("trt", rows.Select(r => (double)r[3]!).ToArray()),
             new CategoricalCovariate("celltype", rows.Select(r => Array.IndexOf(levels.ToArray(), (string)r[4]!)).ToArray(), levels, 0),
             new CategoricalCovariate("prior", rows.Select(r => Array.IndexOf(postgres.Covariates[2].Levels, (string)r[5]!)).ToArray(), postgres.Covariates[2].Levels, 0)],
            strata: new CoxStrata("karno", rows.Select(r => Array.IndexOf(postgres.Strata.Levels, (string)r[2]!)).ToArray(), postgres.Strata.Levels));
        Assert.Equal(rowFit.Terms.Count, fit.Terms.Count);
        for (var i = 0; i < fit.Terms.Count; i++) Assert.Equal(rowFit.Terms[i].Coefficient, fit.Terms[i].Coefficient, 1e-9 * Math.Abs(rowFit.Terms[i].Coefficient));
        Assert.Equal(rowFit.LogLikelihoodEnd, fit.LogLikelihoodEnd, 1e-9 * Math.Abs(rowFit.LogLikelihoodEnd));
    }

    [SkippableFact]
    public void Table1CountsAreTheSameOnPostgreSql()
    {
        Skip.If(server.Unavailable is not null, server.Unavailable);
        using var file = DuckDbFile.Open(Data("lung.csv"));
        var duck = DuckDbTable1.Aggregate(file, "sex", [("age", ColumnKind.Auto), ("ph.ecog", ColumnKind.Categorical), ("wt.loss", ColumnKind.Auto)]);
        using var pg = server.Open();
        Copy(file, pg, "grp text, x0 double precision, x1 text, x2 double precision");

        var postgres = DuckDbTable1.Read(pg, "sex", [("age", true), ("ph.ecog", false), ("wt.loss", true)]);

        var a = BaselineTableBuilder.BuildFromCounts(duck.By, duck.Groups, duck.GroupSizes, duck.Excluded, duck.Variables);
        var b = BaselineTableBuilder.BuildFromCounts(postgres.By, postgres.Groups, postgres.GroupSizes, postgres.Excluded, postgres.Variables);
        Assert.Equal(System.Text.Json.JsonSerializer.Serialize(a), System.Text.Json.JsonSerializer.Serialize(b));
    }

    private static CoxResult Fit(CoxPatterns p)
    {
        CoxCovariate Covariate(PatternColumn c) => c.Values is { } v ? new NumericCovariate(c.Name, v) : new CategoricalCovariate(c.Name, c.Codes!, c.Levels, 0);
        return CoxRegression.FitCounts(p.Time, p.Status, p.Count, p.Covariates.Select(Covariate).ToArray(), strata: new CoxStrata(p.Strata!.Name, p.Strata.Codes!, p.Strata.Levels));
    }

    private static List<(int, int, string, double)> Entries(SurvivalCounts c) =>
        Enumerable.Range(0, c.Count).Select(i => (c.Stratum[i], c.Group[i], $"{c.Events[i]}/{c.Censored[i]}", c.Time[i])).ToList();

    private static List<object?[]> Rows(DuckDbFile file, string sql) => file.Rows(sql, r =>
    {
        var row = new object?[r.FieldCount];
        for (var i = 0; i < row.Length; i++) row[i] = r.IsDBNull(i) ? null : r.GetValue(i);
        return row;
    });

    /// <summary>DuckDB's pnen_rows, row for row, as a PostgreSQL table of the same name and columns.</summary>
    private static void Copy(DuckDbFile file, NpgsqlConnection pg, string columns)
    {
        using (var create = new NpgsqlCommand($"DROP TABLE IF EXISTS pnen_rows; CREATE TABLE pnen_rows ({columns})", pg)) create.ExecuteNonQuery();
        var names = columns.Split(", ").Select(c => c.Split(' ')[0]).ToArray();
        var types = columns.Split(", ").Select(c => c.Contains("double", StringComparison.Ordinal) ? NpgsqlDbType.Double : c.Contains("integer", StringComparison.Ordinal) ? NpgsqlDbType.Integer : NpgsqlDbType.Text).ToArray();
        var rows = Rows(file, $"SELECT {string.Join(", ", names)} FROM pnen_rows");
        using var writer = pg.BeginBinaryImport($"COPY pnen_rows ({string.Join(", ", names)}) FROM STDIN (FORMAT BINARY)");
        foreach (var row in rows)
        {
            writer.StartRow();
            for (var i = 0; i < row.Length; i++)
            {
                if (row[i] is null) writer.WriteNull();
                else if (types[i] == NpgsqlDbType.Double) writer.Write(Convert.ToDouble(row[i], System.Globalization.CultureInfo.InvariantCulture), types[i]);
                else if (types[i] == NpgsqlDbType.Integer) writer.Write(Convert.ToInt32(row[i], System.Globalization.CultureInfo.InvariantCulture), types[i]);
                else writer.Write((string)row[i]!, types[i]);
            }
        }
        writer.Complete();
    }
}
