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
        var options = new CoxOptions
        {
            Ties = arguments.Choice("ties", "efron", "efron", "breslow") == "breslow" ? CoxTies.Breslow : CoxTies.Efron,
            ConfidenceLevel = arguments.Number("conf-level", 0.95),
        };
        if (!(options.ConfidenceLevel > 0 && options.ConfidenceLevel < 1)) throw new UsageException("--conf-level must lie strictly between 0 and 1");
        var checks = CoxChecks.Parse(arguments, strata, termOptions);

        var requests = covariates.Select(c => new ColumnRequest(c, categorical.ContainsKey(c) ? ColumnKind.Categorical : termOptions.Splines.ContainsKey(c) ? ColumnKind.Numeric : ColumnKind.Auto)).ToList();
        if (strata is not null) requests.Add(new ColumnRequest(strata, ColumnKind.Categorical));
        var table = SurvivalTable.Load(path, arguments.Required("time"), arguments.Required("event"), requests, [], CommonOptions.Input(arguments));
        clock.Loaded();

        var terms = termOptions.Terms(covariates.Select(c => Covariate(table, path, c, categorical.GetValueOrDefault(c))).ToArray());
        CoxStrata? coxStrata = null;
        if (strata is not null)
        {
            var (codes, levels) = table.Factor(strata);
            coxStrata = new CoxStrata(strata, codes, levels);
        }
        var (result, termTests, extras) = checks.Fit(table.Time(), table.Event(), terms, options, coxStrata, termOptions);

        clock.Fitted();
        var warnings = new List<string>();
        if (table.DropNote is not null) warnings.Add(table.DropNote);
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

    private static CoxCovariate Covariate(SurvivalTable table, string path, string name, string? reference)
    {
        if (table.Column(name) is NumericColumn)
        {
            return new NumericCovariate(name, table.Numeric(name));
        }
        var (codes, levels) = table.Factor(name);
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
