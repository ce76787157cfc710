using Pnen.Cli.CommandLine;
using Pnen.Cli.Input;
using Pnen.Data;
using Pnen.Data.DuckDb;
using Pnen.Stats.Survival.Cox;

namespace Pnen.Cli.Commands;

/// <summary>
/// <c>pnen cox --engine duckdb</c>: DuckDB counts the rows per (stratum, time, status, covariate
/// pattern) and the model is fitted on the counts as frequencies (<see cref="CoxRegression.FitCounts"/>):
/// the same likelihood, Efron's ties included, as the rows. Covariates are read as the memory
/// engine reads them (numbers unless a value is not one, or --categorical). What needs the rows
/// (concordance, Firth's estimate beside an infinite coefficient) is left out with a warning.
/// Memory is O(patterns): a covariate with many distinct values (age in days) makes nearly one
/// pattern per row.
/// </summary>
internal static class CoxOnDuckDb
{
    /// <summary>Above this many distinct values of a numeric covariate, <c>--duckdb-cox auto</c> streams the rows.</summary>
    public const long StreamAbove = 1000;

    public static readonly OptionSpec Mode = new("duckdb-cox",
        $"with --engine duckdb: counts (rows per covariate pattern), stream (the sorted rows through each Newton step, memory O(chunk + p^2)), or auto (default: stream when a numeric covariate has over {StreamAbove} distinct values)",
        ValueName: "auto|counts|stream");

    public static CoxReport Fit(
        string path, string time, string @event, IReadOnlyList<string> covariates, IReadOnlyDictionary<string, string?> categorical,
        string? strata, CoxOptions options, string mode, PhaseClock clock)
    {
        foreach (var column in covariates.Append(strata))
        {
            if (column == time || column == @event)
            {
                throw new UsageException($"column '{column}' cannot be both the {(column == time ? "time" : "event")} and a grouping or covariate column");
            }
        }
        CoxResult result;
        int dropped;
        Dictionary<string, int> missing;
        bool stratified = strata is not null;
        using (var file = DuckDbFile.Open(path, DuckDbOptions.FromEnvironment()))
        {
            var kinds = covariates.Select(c => (c, categorical.ContainsKey(c) ? ColumnKind.Categorical : ColumnKind.Auto)).ToArray();
            var numeric = DuckDbCox.Prepare(file, time, @event, kinds, strata);
            var summary = DuckDbCox.Summary(file, numeric, stratified);
            var (rows, missingTime, missingStatus, timed) = (summary.Rows, summary.MissingTime, summary.MissingStatus, summary.Timed);
            if (rows == 0) throw new DataException(new DataError(path, null, null, null, "has a header but no data rows"));
            missing = new Dictionary<string, int>(StringComparer.Ordinal) { [time] = checked((int)missingTime) };
            missing.TryAdd(@event, checked((int)missingStatus));
            if (timed == 0) throw SurvivalTable.NothingLeft(path, rows, missing);
            dropped = checked((int)(rows - timed));
            var stream = mode == "stream" || (mode == "auto" && DuckDbCox.MostDistinctValues(file, numeric) > StreamAbove);
            if (stream)
            {
                var model = covariates.Select((c, i) => numeric[i]
                    ? (c, true, (IReadOnlyList<string>)[], 0)
                    : Levels(path, c, summary.PresentLevels["x" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)], categorical.GetValueOrDefault(c))).ToArray();
                using var rowsOf = new DuckDbCoxStream(file, model, options.TimeFix);
                clock.Loaded();
                result = CoxRegression.FitStream(rowsOf, options, stratified, rowsOf.Dropped);
            }
            else
            {
                var patterns = DuckDbCox.ReadPatterns(file, covariates.Select((c, i) => (c, numeric[i])).ToArray(), strata, summary);
                clock.Loaded();
                result = FitPatterns(path, patterns, categorical, options);
            }
        }
        clock.Fitted();
        return Report(time, @event, strata, result, dropped, missing, options, clock);
    }

    private static CoxResult FitPatterns(string path, CoxPatterns patterns, IReadOnlyDictionary<string, string?> categorical, CoxOptions options)
    {
        var terms = patterns.Covariates.Select(c => c.Values is { } values
            ? (CoxCovariate)new NumericCovariate(c.Name, values)
            : Factor(path, c, categorical.GetValueOrDefault(c.Name))).ToArray();
        CoxStrata? coxStrata = null;
        if (patterns.Strata is { } s)
        {
            var (codes, levels) = Present(s);
            coxStrata = new CoxStrata(s.Name, codes, levels);
        }
        return CoxRegression.FitCounts(patterns.Time, patterns.Status, patterns.Count, terms, options, coxStrata);
    }

    /// <summary>A categorical covariate's levels and reference, checked as in memory.</summary>
    private static (string, bool, IReadOnlyList<string>, int) Levels(string path, string name, string[] levels, string? reference)
    {
        if (levels.Length == 0) throw new DataException(new DataError(path, null, name, null, "the column has no values in rows with a time and an event"));
        return (name, false, levels, CoxCommand.Categorical(path, name, [], levels, reference).Reference);
    }

    private static CoxReport Report(string time, string @event, string? strata, CoxResult result, int dropped, Dictionary<string, int> missing, CoxOptions options, PhaseClock clock)
    {
        var extra = new List<string>();
        if (result.Terms.Count > 0) extra.Add("concordance is not computed by --engine duckdb: it needs the rows (use --engine memory)");
        if (result.Terms.Any(t => t.PossiblyInfinite))
        {
            extra.Add(strata is null
                ? "no Firth estimate beside the possibly infinite coefficients with --engine duckdb: Firth's fit needs the rows (use --engine memory)"
                : "no Firth estimate beside the possibly infinite coefficients: Firth's model (as coxphf) has no strata");
        }
        var warnings = new List<string>();
        if (SurvivalTable.DropNoteFor(dropped, missing) is { } note) warnings.Add(note);
        warnings.AddRange(result.Warnings);
        warnings.AddRange(extra);
        return new CoxReport(time, @event, strata, result, dropped + result.Dropped, options.ConfidenceLevel, warnings)
        {
            Timing = clock.Report,
            TermTests = CoxTermTests.None,
            Extras = new CoxExtras("coxph", null, null, null, null, extra),
        };
    }

    private static CategoricalCovariate Factor(string path, PatternColumn column, string? reference)
    {
        var (codes, levels) = Present(column);
        if (levels.Length == 0) throw new DataException(new DataError(path, null, column.Name, null, "the column has no values in rows with a time and an event"));
        return CoxCommand.Categorical(path, column.Name, codes, levels, reference);
    }

    /// <summary>Codes re-indexed to the levels the entries have (a level of rows without a time
    /// or an event is no level), as <see cref="SurvivalTable.Factor"/> does for rows.</summary>
    private static (int[] Codes, string[] Levels) Present(PatternColumn column)
    {
        var codes = (int[])column.Codes!.Clone();
        return (codes, PresentLevels.Reindex(codes, column.Levels));
    }
}
