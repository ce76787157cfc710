using Pnen.Cli.CommandLine;
using Pnen.Cli.Input;
using Pnen.Cli.Output;
using Pnen.Data;
using Pnen.Stats.Survival.Cox;
using Pnen.Stats.Survival.Cox.Terms;

namespace Pnen.Cli.Commands;

/// <summary><c>pnen cox</c>: a Cox proportional hazards model.</summary>
internal sealed class CoxCommand : Command
{
    public override string Name => "cox";

    public override string Summary => "Cox proportional hazards regression (Efron or Breslow ties, strata, categorical covariates), with concordance, the proportional hazards test and Firth's penalised fit";

    public override IReadOnlyList<OptionSpec> Options { get; } =
    [
        CommonOptions.Data,
        CommonOptions.Sheet,
        CommonOptions.Time,
        CommonOptions.Event,
        new("covariates", "comma-separated columns; a column with non-numeric values is categorical", Required: true, ValueName: "A,B,C"),
        new("categorical", "columns to treat as categorical, each optionally with its reference level: a:REF,b (default reference: the first level)", ValueName: "A:REF,B"),
        new("strata", "column whose levels get separate baseline hazards", ValueName: "COLUMN"),
        new("ties", "tie handling: efron (default, as R) or breslow", ValueName: "efron|breslow"),
        new("conf-level", "confidence level of the hazard ratio limits (default 0.95)", ValueName: "LEVEL"),
        CoxTermOptions.Interaction,
        CoxTermOptions.Spline,
        CoxChecks.ZphOption,
        CoxChecks.FirthOption,
        RecordOptionSpecs.Start,
        RecordOptionSpecs.Weights,
        new("robust", "robust (Lin-Wei sandwich) variance: se, z, p and limits use it, naiveSe keeps the model-based one (R's default with --cluster or weights that are not whole numbers)", IsFlag: true),
        new("cluster", "column grouping rows into independent clusters (a patient, a centre) for the robust variance; implies --robust", ValueName: "COLUMN"),
        new("no-robust", "the model-based variance even with weights that are not whole numbers (R's robust = FALSE)", IsFlag: true),
        RecordOptionSpecs.Tdc,
        RecordOptionSpecs.Landmark,
        CommonOptions.Engine,
        CoxOnDuckDb.Mode,
        CommonOptions.Format,
        CommonOptions.Timing,
        CommonOptions.Help,
    ];

    public override int Run(Arguments arguments, TextWriter stdout)
    {
        var clock = PhaseClock.Start(arguments);
        var path = arguments.Required("data");
        var covariates = arguments.List("covariates");
        if (covariates.Count == 0) throw new UsageException("--covariates needs at least one column");
        var categorical = ParseCategorical(arguments.List("categorical"), covariates);
        var termOptions = CoxTermOptions.Parse(arguments, covariates, categorical);
        var strata = arguments.Optional("strata");
        if (strata is not null && covariates.Contains(strata)) throw new UsageException($"'{strata}' cannot be both a covariate and the strata");
        var (time, @event) = (arguments.Required("time"), arguments.Required("event"));
        var recordOptions = RecordOptions.Parse(arguments, time, @event);
        var robust = arguments.Has("robust") || recordOptions.Cluster is not null;
        var notRobust = arguments.Has("no-robust");
        if (robust && notRobust) throw new UsageException("--no-robust contradicts --robust and --cluster");
        if (robust && recordOptions.Start is not null && recordOptions.Cluster is null)
        {
            throw new UsageException("with --start, a robust variance needs --cluster COLUMN (the patient each interval belongs to), as R's coxph (\"one of cluster or id is needed\")");
        }
        var options = new CoxOptions
        {
            Ties = arguments.Choice("ties", "efron", "efron", "breslow") == "breslow" ? CoxTies.Breslow : CoxTies.Efron,
            ConfidenceLevel = arguments.Number("conf-level", 0.95),
            Robust = robust ? true : notRobust ? false : null,
        };
        if (!(options.ConfidenceLevel > 0 && options.ConfidenceLevel < 1)) throw new UsageException("--conf-level must lie strictly between 0 and 1");
        var checks = CoxChecks.Parse(arguments, strata, termOptions);
        // Concordance, zph and Firth are computed for right-censored, unweighted rows (a landmark's too).
        var checksApply = recordOptions.Start is null && recordOptions.Weights is null && !robust && (recordOptions.Tdc.Count == 0 || recordOptions.Landmark is not null);
        if (!checksApply && (checks.Zph is not null || checks.Firth))
        {
            throw new UsageException("--zph and --firth take right-censored rows without weights or a robust variance: not with --start, --tdc (without --landmark), --weights, --robust or --cluster");
        }

        if (arguments.Has("duckdb-cox") && !DuckDbInput.Requested(arguments)) throw new UsageException("--duckdb-cox applies with --engine duckdb only");
        if (DuckDbInput.Requested(arguments))
        {
            DuckDbInput.CheckOptions(arguments, recordOptions, "robust", "no-robust", "zph", "firth", "interaction", "spline");
            var aggregated = CoxOnDuckDb.Fit(path, time, @event, covariates, categorical, strata, options, arguments.Choice("duckdb-cox", "auto", "auto", "counts", "stream"), clock);
            stdout.Write(CommonOptions.Markdown(arguments) ? CoxMarkdown.Write(aggregated) : CoxJson.Write(aggregated));
            return PnenApp.Ok;
        }
        var requests = covariates.Where(c => !recordOptions.IsTdc(c))
            .Select(c => new ColumnRequest(c, categorical.ContainsKey(c) ? ColumnKind.Categorical : termOptions.Splines.ContainsKey(c) ? ColumnKind.Numeric : ColumnKind.Auto)).ToList();
        if (strata is not null && !recordOptions.IsTdc(strata)) requests.Add(new ColumnRequest(strata, ColumnKind.Categorical));
        var table = SurvivalTable.Load(path, time, @event, requests.Concat(recordOptions.Requests()), recordOptions.CompleteColumns().ToArray(), CommonOptions.Input(arguments));
        var records = recordOptions.Build(table);
        clock.Loaded();

        var terms = termOptions.Terms(covariates.Select(c => Covariate(records, path, c, categorical.ContainsKey(c), categorical.GetValueOrDefault(c))).ToArray());
        CoxStrata? coxStrata = null;
        if (strata is not null)
        {
            var (codes, levels) = records.Factor(strata);
            coxStrata = new CoxStrata(strata, codes, levels);
        }
        var data = records.Data with { Cluster = Clusters(records, recordOptions.Cluster, robust || (!notRobust && records.Data.HasFractionalWeights)) };
        var (result, termTests, extras) = checksApply
            ? checks.Fit(data.Time, data.Status, terms, options, coxStrata, termOptions)
            : CoxChecks.FitRecords(data, terms, options, coxStrata, termOptions);

        clock.Fitted();
        var warnings = new List<string>();
        if (table.DropNote is not null) warnings.Add(table.DropNote);
        warnings.AddRange(records.Notes);
        warnings.AddRange(result.Warnings);
        warnings.AddRange(termTests.Warnings);
        warnings.AddRange(extras.Warnings);
        var report = new CoxReport(table.TimeColumn, table.EventColumn, strata, result, table.Dropped + result.Dropped, options.ConfidenceLevel, warnings) { Timing = clock.Report, TermTests = termTests, Extras = extras };
        stdout.Write(CommonOptions.Markdown(arguments) ? CoxMarkdown.Write(report) : CoxJson.Write(report));
        return PnenApp.Ok;
    }

    /// <summary>"a:REF,b" → {a: REF, b: null}; every entry must be one of the covariates.</summary>
    internal static Dictionary<string, string?> ParseCategorical(IReadOnlyList<string> entries, IReadOnlyList<string> covariates)
    {
        var result = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            var colon = entry.IndexOf(':', StringComparison.Ordinal);
            var column = colon < 0 ? entry : entry[..colon];
            var reference = colon < 0 ? null : entry[(colon + 1)..];
            if (!covariates.Contains(column)) throw new UsageException($"--categorical names '{column}', which is not in --covariates");
            if (reference is { Length: 0 }) throw new UsageException($"--categorical '{entry}' has an empty reference level");
            if (!result.TryAdd(column, reference)) throw new UsageException($"--categorical lists '{column}' more than once");
        }
        return result;
    }

    /// <summary>The cluster of each record for a robust variance: the --cluster column's level;
    /// without one, a row split by --tdc is one cluster (its patient, as coxph's id =); else none.</summary>
    private static int[]? Clusters(SurvivalRecords records, string? column, bool robust)
    {
        if (column is not null) return records.Factor(column).Codes;
        return robust && records.IsSplit ? records.SourceRows : null;
    }

    private static CoxCovariate Covariate(SurvivalRecords table, string path, string name, bool categorical, string? reference)
    {
        if (!categorical && table.Column(name) is NumericColumn)
        {
            return new NumericCovariate(name, table.Numeric(name));
        }
        var (codes, levels) = table.Factor(name);
        return Categorical(path, name, codes, levels, reference);
    }

    /// <summary>A categorical covariate over the analysed rows' levels, its reference checked.</summary>
    internal static CategoricalCovariate Categorical(string path, string name, int[] codes, string[] levels, string? reference)
    {
        var referenceIndex = 0;
        if (reference is not null)
        {
            referenceIndex = Array.IndexOf(levels, reference);
            if (referenceIndex < 0)
            {
                var known = string.Join(", ", levels.Select(l => $"'{l}'"));
                throw new DataException(new DataError(path, null, name, reference, $"the reference level is not a level of this column (levels: {known})"));
            }
        }
        if (levels.Length == 0)
        {
            throw new DataException(new DataError(path, null, name, null, "the column has no values in rows with a time and an event"));
        }
        return new CategoricalCovariate(name, codes, levels, referenceIndex);
    }
}

/// <summary>What `pnen cox` reports.</summary>
internal sealed record CoxReport(
    string Time, string Event, string? Strata, CoxResult Result, int Dropped, double ConfidenceLevel, IReadOnlyList<string> Warnings)
{
    public PhaseTiming? Timing { get; init; }

    /// <summary>The tests of --interaction and --spline terms, and the splines' knots.</summary>
    public CoxTermTests? TermTests { get; init; }

    /// <summary>Concordance, zph, Firth: see <see cref="CoxChecks"/>.</summary>
    public CoxExtras? Extras { get; init; }
}
