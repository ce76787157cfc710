using Pnen.Cli.CommandLine;
using Pnen.Cli.Input;
using Pnen.Cli.Output;
using Pnen.Data;
using Pnen.Stats.Balance;
using Pnen.Stats.Regression;
using Pnen.Stats.Survival.Cox;
using Pnen.Stats.Weighting;

namespace Pnen.Cli.Commands;

/// <summary><c>pnen ps</c>: a propensity model, inverse probability of treatment weights and the
/// covariate balance before and after weighting.</summary>
internal sealed class PsCommand : Command
{
    public override string Name => "ps";

    public override string Summary => "propensity scores (logistic / multinomial), IPT weights, effective sample sizes and standardised differences";

    public override IReadOnlyList<OptionSpec> Options { get; } =
    [
        CommonOptions.Data,
        CommonOptions.Sheet,
        new("treatment", "column with the treatment (exposure) received; two levels: logistic model, three or more: multinomial", Required: true, ValueName: "COLUMN"),
        new("covariates", "comma-separated columns of the propensity model; a column with non-numeric values is categorical", Required: true, ValueName: "A,B,C"),
        new("categorical", "covariates to treat as categorical, each optionally with its reference level: a:REF,b (default reference: the first level)", ValueName: "A:REF,B"),
        new("reference", "the treatment's reference level (default: the first level)", ValueName: "LEVEL"),
        new("estimand", "ate (default: the whole cohort) or att (the patients of the focal level)", ValueName: "ate|att"),
        new("focal", "the ATT's focal level (default with two levels: the non-reference one; required with three or more)", ValueName: "LEVEL"),
        new("stabilize", "multiply each weight by the proportion of patients who received the patient's level", IsFlag: true),
        new("truncate", "cap the weights at their quantiles Q and 1-Q (R's type 7), e.g. 0.01", ValueName: "Q"),
        new("out", "write the weights to this CSV file: one row per input row, in input order (row,level,ps,weight; empty for a row left out)", ValueName: "FILE"),
        CommonOptions.Format,
        CommonOptions.Timing,
        CommonOptions.Help,
    ];

    public override int Run(Arguments arguments, TextWriter stdout)
    {
        var clock = PhaseClock.Start(arguments);
        var path = arguments.Required("data");
        var treatmentName = arguments.Required("treatment");
        var covariates = arguments.List("covariates");
        if (covariates.Count == 0) throw new UsageException("--covariates needs at least one column");
        if (covariates.Contains(treatmentName)) throw new UsageException($"'{treatmentName}' cannot be both the treatment and a covariate");
        var categorical = CoxCommand.ParseCategorical(arguments.List("categorical"), covariates);
        var estimand = arguments.Choice("estimand", "ate", "ate", "att") == "att" ? Estimand.Att : Estimand.Ate;
        var focalName = arguments.Optional("focal");
        if (focalName is not null && estimand != Estimand.Att) throw new UsageException("--focal is for --estimand att");
        double? truncate = arguments.Has("truncate") ? arguments.Number("truncate", 0) : null;
        if (truncate is { } q && !(q > 0 && q < 1)) throw new UsageException($"--truncate must lie strictly between 0 and 1 (a quantile such as 0.01), not '{arguments.Optional("truncate")}'");
        var outPath = arguments.Optional("out");

        var requests = new List<ColumnRequest> { new(treatmentName, ColumnKind.Categorical) };
        requests.AddRange(covariates.Select(c => new ColumnRequest(c, categorical.ContainsKey(c) ? ColumnKind.Categorical : ColumnKind.Auto)));
        var table = TableReader.Read(path, requests, CommonOptions.Input(arguments));
        if (table.RowCount == 0) throw new DataException(new DataError(table.Source, null, null, null, "has a header but no data rows"));
        clock.Loaded();

        var (complete, dropNote) = CompleteRows(table, [treatmentName, .. covariates]);
        var treatment = Treatment(table, treatmentName, complete, arguments.Optional("reference"));
        var terms = covariates.Select(c => Covariate(table, c, categorical.GetValueOrDefault(c))).ToArray();
        var fit = treatment.Levels.Count == 2 ? LogisticRegression.Fit(treatment, terms) : MultinomialRegression.Fit(treatment, terms);
        var options = new WeightingOptions
        {
            Estimand = estimand,
            Focal = estimand == Estimand.Att ? Focal(table.Source, treatment, focalName) : null,
            Stabilize = arguments.Has("stabilize"),
            Truncate = truncate,
        };
        var weights = PropensityWeights.Compute(fit, treatment, options);
        var balance = BalanceTable.Compute(fit, treatment, terms, weights.Weights);
        clock.Fitted();

        var warnings = new List<string>();
        if (dropNote is not null) warnings.Add(dropNote);
        warnings.AddRange(fit.Warnings);
        var report = new PsReport(treatmentName, treatment, fit, weights, balance, warnings) { Timing = clock.Report };
        if (outPath is not null) WeightsCsv.Write(outPath, table.RowCount, report);
        stdout.Write(CommonOptions.Markdown(arguments) ? PsMarkdown.Write(report) : PsJson.Write(report));
        return PnenApp.Ok;
    }

    /// <summary>Rows with the treatment and every covariate (complete cases), and a note of how many of
    /// each column's values were missing; no complete row at all is a data error.</summary>
    private static (bool[] Complete, string? Note) CompleteRows(LoadedTable table, IReadOnlyList<string> columns)
    {
        var (incomplete, missing) = MissingCells.Scan(table, columns.Select(c => table[c]).ToArray());
        var complete = new bool[table.RowCount];
        for (var r = 0; r < complete.Length; r++) complete[r] = incomplete is null || !incomplete[r];
        var kept = incomplete is null ? table.RowCount : incomplete.AsSpan().Count(false);
        if (kept == 0)
        {
            var worst = Enumerable.Range(0, columns.Count).MaxBy(c => missing[c]);
            throw new DataException(new DataError(table.Source, null, columns[worst], null,
                $"every one of the {table.RowCount} rows has a missing value in a column the model needs ({missing[worst]} in this one)"));
        }
        var dropped = table.RowCount - kept;
        if (dropped == 0) return (complete, null);
        var detail = string.Join(", ", Enumerable.Range(0, columns.Count).Where(c => missing[c] > 0).Select(c => $"{columns[c]}: {missing[c]}"));
        return (complete, $"{dropped} row{(dropped == 1 ? " was" : "s were")} left out for missing values ({detail}); their weight is empty in --out");
    }

    /// <summary>The treatment over every input row, its levels those of the complete rows (a level seen
    /// only in incomplete rows is not an arm), -1 for a row left out.</summary>
    private static CategoricalCovariate Treatment(LoadedTable table, string name, bool[] complete, string? reference)
    {
        var column = table.Get<CategoricalColumn>(name);
        var codes = new int[complete.Length];
        for (var r = 0; r < codes.Length; r++) codes[r] = complete[r] ? column.Codes[r] : -1;
        var levels = PresentLevels.Reindex(codes, column.Levels);
        if (levels.Length < 2)
        {
            throw new DataException(new DataError(table.Source, null, name, levels.FirstOrDefault(), "the treatment has a single level among the complete rows: there is nothing to compare"));
        }
        var referenceIndex = reference is null ? 0 : Array.IndexOf(levels, reference);
        if (referenceIndex < 0)
        {
            throw new DataException(new DataError(table.Source, null, name, reference, $"--reference is not a level of the treatment among the complete rows (levels: {string.Join(", ", levels.Select(l => $"'{l}'"))})"));
        }
        return new CategoricalCovariate(name, codes, levels, referenceIndex);
    }

    private static int? Focal(string source, CategoricalCovariate treatment, string? focal)
    {
        if (focal is null)
        {
            if (treatment.Levels.Count > 2)
            {
                throw new UsageException($"--estimand att with {treatment.Levels.Count} treatment levels needs --focal LEVEL, the level whose patients are the target population (levels: {string.Join(", ", treatment.Levels)})");
            }
            return null;
        }
        var index = treatment.Levels.ToList().IndexOf(focal);
        if (index < 0)
        {
            throw new DataException(new DataError(source, null, treatment.Name, focal, $"--focal is not a level of the treatment (levels: {string.Join(", ", treatment.Levels.Select(l => $"'{l}'"))})"));
        }
        return index;
    }

    private static CoxCovariate Covariate(LoadedTable table, string name, string? reference)
    {
        if (table[name] is NumericColumn numeric) return new NumericCovariate(name, numeric.Values);
        var column = table.Get<CategoricalColumn>(name);
        var index = reference is null ? 0 : column.Levels.ToList().IndexOf(reference);
        if (index < 0)
        {
            var known = string.Join(", ", column.Levels.Select(l => $"'{l}'"));
            throw new DataException(new DataError(table.Source, null, name, reference, $"the reference level is not a level of this column (levels: {known})"));
        }
        if (column.Levels.Count == 0) throw new DataException(new DataError(table.Source, null, name, null, "the column has no values"));
        return new CategoricalCovariate(name, column.Codes, column.Levels, index);
    }
}

/// <summary>What `pnen ps` reports.</summary>
internal sealed record PsReport(
    string Treatment, CategoricalCovariate Levels, LogitFit Model, WeightingResult Weights, IReadOnlyList<BalanceRow> Balance, IReadOnlyList<string> Warnings)
{
    public PhaseTiming? Timing { get; init; }

    public string Reference => Model.Levels[Model.Reference];

    public string? Focal => Weights.Focal is { } f ? Model.Levels[f] : null;

    /// <summary>What the weights estimate, in words, for the report.</summary>
    public string EstimandDefinition => Weights.Estimand == Estimand.Ate
        ? "ATE: the average treatment effect in the whole analysed cohort, as if every patient had received each level; weight 1 / P(level received | covariates)"
        : $"ATT: the average treatment effect in the patients who received '{Focal}', as if they had received each other level; weight 1 for them, P('{Focal}' | covariates) / P(level received | covariates) for the others";
}
