using Pnen.Cli.CommandLine;
using Pnen.Cli.Output;
using Pnen.Data;
using Pnen.Stats.Baseline;

namespace Pnen.Cli.Commands;

/// <summary><c>pnen table1</c>: the baseline table of a cohort by group, with the test chosen by a documented rule.</summary>
internal sealed class Table1Command : Command
{
    public override string Name => "table1";

    public override string Summary => "baseline characteristics table (Table 1) by group, with chi-square/Fisher and ANOVA/Kruskal-Wallis tests";

    public override IReadOnlyList<OptionSpec> Options { get; } =
    [
        CommonOptions.Data,
        CommonOptions.Sheet,
        new("by", "column whose levels are the table's columns", Required: true, ValueName: "COLUMN"),
        new("vars", "comma-separated rows; a column with non-numeric values is categorical", Required: true, ValueName: "A,B,C"),
        new("categorical", "columns to treat as categorical even when numeric", ValueName: "A,B"),
        new("categorical-test", "auto (chi-square, or Fisher when an expected count is below 5; default), chisq or fisher", ValueName: "auto|chisq|fisher"),
        new("continuous-test", "auto (Shapiro-Wilk, then ANOVA if normal, else Kruskal-Wallis / Wilcoxon; default), anova, welch or kruskal", ValueName: "auto|anova|welch|kruskal"),
        new("smd", "add the standardised mean difference of each row", IsFlag: true),
        new("no-p", "leave out the tests and P values (as STROBE recommends for descriptive tables)", IsFlag: true),
        CommonOptions.Engine,
        CommonOptions.Format,
        CommonOptions.Timing,
        CommonOptions.Help,
    ];

    public override int Run(Arguments arguments, TextWriter stdout)
    {
        var clock = PhaseClock.Start(arguments);
        var by = arguments.Required("by");
        var vars = arguments.List("vars");
        if (vars.Count == 0) throw new UsageException("--vars needs at least one column");
        if (vars.Contains(by)) throw new UsageException($"'{by}' cannot be both the grouping and a row");
        var categorical = arguments.List("categorical");
        foreach (var column in categorical.Where(c => !vars.Contains(c))) throw new UsageException($"--categorical names '{column}', which is not in --vars");
        var options = new BaselineTableOptions
        {
            CategoricalTest = arguments.Choice("categorical-test", "auto", "auto", "chisq", "fisher") switch
            {
                "chisq" => CategoricalTestChoice.ChiSquare,
                "fisher" => CategoricalTestChoice.Fisher,
                _ => CategoricalTestChoice.Auto,
            },
            ContinuousTest = arguments.Choice("continuous-test", "auto", "auto", "anova", "welch", "kruskal") switch
            {
                "anova" => ContinuousTestChoice.Anova,
                "welch" => ContinuousTestChoice.Welch,
                "kruskal" => ContinuousTestChoice.Kruskal,
                _ => ContinuousTestChoice.Auto,
            },
            IncludeSmd = arguments.Has("smd"),
            IncludeP = !arguments.Has("no-p"),
        };

        if (Input.DuckDbInput.Requested(arguments))
        {
            if (arguments.Has("sheet")) throw new UsageException("--sheet is not available with --engine duckdb, which reads .parquet and .csv files");
            var counted = Input.DuckDbInput.Table1(arguments.Required("data"), by, vars.Select(v => (v, categorical.Contains(v) ? ColumnKind.Categorical : ColumnKind.Auto)).ToArray());
            clock.Loaded();
            var fromCounts = BaselineTableBuilder.BuildFromCounts(counted.By, counted.Groups, counted.GroupSizes, counted.Excluded, counted.Variables, options);
            clock.Fitted();
            var aggregated = new Table1Report(fromCounts, clock.Report);
            stdout.Write(CommonOptions.Markdown(arguments) ? Table1Markdown.Write(aggregated) : Table1Json.Write(aggregated));
            return PnenApp.Ok;
        }
        var requests = new List<ColumnRequest> { new(by, ColumnKind.Categorical) };
        requests.AddRange(vars.Select(v => new ColumnRequest(v, categorical.Contains(v) ? ColumnKind.Categorical : ColumnKind.Auto)));
        var path = arguments.Required("data");
        var table = TableReader.Read(path, requests, CommonOptions.Input(arguments));
        if (table.RowCount == 0) throw new DataException(new DataError(table.Source, null, null, null, "has a header but no data rows"));
        clock.Loaded();

        var group = table.Get<Data.CategoricalColumn>(by);
        var grouping = new BaselineGrouping(by, group.Codes, group.Levels);
        var variables = vars.Select(v => table[v] switch
        {
            Data.CategoricalColumn c => (BaselineVariable)new Stats.Baseline.CategoricalVariable(v, c.Codes, c.Levels),
            NumericColumn n => new ContinuousVariable(v, n.Values),
            _ => throw new InvalidOperationException($"column '{v}' was read as neither numbers nor levels"),
        }).ToArray();
        var result = BaselineTableBuilder.Build(grouping, variables, options);
        clock.Fitted();

        var report = new Table1Report(result, clock.Report);
        stdout.Write(CommonOptions.Markdown(arguments) ? Table1Markdown.Write(report) : Table1Json.Write(report));
        return PnenApp.Ok;
    }
}

/// <summary>What `pnen table1` reports.</summary>
internal sealed record Table1Report(BaselineTable Table, PhaseTiming? Timing);
