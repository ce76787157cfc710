using Pnen.Cli.CommandLine;
using Pnen.Cli.Input;
using Pnen.Cli.Output;
using Pnen.Data;
using Pnen.Stats.Survival;

namespace Pnen.Cli.Commands;

/// <summary><c>pnen logrank</c>: the k-sample log-rank (or Fleming-Harrington G-rho) test.</summary>
internal sealed class LogRankCommand : Command
{
    public override string Name => "logrank";

    public override string Summary => "log-rank test between groups (stratified, or G-rho weighted with --rho)";

    public override IReadOnlyList<OptionSpec> Options { get; } =
    [
        CommonOptions.Data,
        CommonOptions.Sheet,
        CommonOptions.Time,
        CommonOptions.Event,
        new("group", "column whose levels are compared", Required: true, ValueName: "COLUMN"),
        new("strata", "column whose levels get separate risk sets, summed", ValueName: "COLUMN"),
        new("rho", "Fleming-Harrington weight S(t-)^rho: 0 = log-rank (default), 1 = Peto-Peto", ValueName: "RHO"),
        RecordOptionSpecs.Start,
        RecordOptionSpecs.Tdc,
        RecordOptionSpecs.Landmark,
        CommonOptions.Engine,
        new("weights", "not available: R's survdiff has no case weights (use pnen cox --weights; its tests.robust is the robust score test)", ValueName: "COLUMN"),
        CommonOptions.Format,
        CommonOptions.Timing,
        CommonOptions.Help,
    ];

    public override int Run(Arguments arguments, TextWriter stdout)
    {
        var clock = PhaseClock.Start(arguments);
        var rho = arguments.Number("rho", 0);
        var group = arguments.Required("group");
        var strata = arguments.Optional("strata");
        if (strata == group) throw new UsageException("--strata must be another column than --group");
        if (arguments.Has("weights"))
        {
            throw new UsageException("--weights is not available: R's survdiff has no case weights; for a weighted comparison use pnen cox --weights (tests.robust is the robust score test)");
        }
        var (time, @event) = (arguments.Required("time"), arguments.Required("event"));
        var recordOptions = RecordOptions.Parse(arguments, time, @event);
        var counting = recordOptions.Start is not null || (recordOptions.Tdc.Count > 0 && recordOptions.Landmark is null);
        if (counting && rho != 0) throw new UsageException("--rho applies to right-censored data: with --start or --tdc the test is the log-rank test (rho 0)");

        if (DuckDbInput.Requested(arguments))
        {
            DuckDbInput.CheckOptions(arguments, recordOptions);
            var (aggregate, dropped, note) = DuckDbInput.Survival(arguments.Required("data"), time, @event, group, strata);
            clock.Loaded();
            var tested = LogRank.TestCounts(aggregate.Counts, aggregate.GroupLevels, aggregate.StrataLevels.Length, rho);
            clock.Fitted();
            var notes = (note is null ? [] : new List<string> { note }).Concat(tested.Warnings).ToArray();
            var aggregated = new LogRankReport(time, @event, group, strata, tested, dropped, notes) { Timing = clock.Report };
            stdout.Write(CommonOptions.Markdown(arguments) ? LogRankMarkdown.Write(aggregated) : LogRankJson.Write(aggregated));
            return PnenApp.Ok;
        }
        var requests = new[] { group, strata }.Where(c => c is not null && !recordOptions.IsTdc(c)).Select(c => new ColumnRequest(c!, ColumnKind.Categorical)).ToList();
        var table = SurvivalTable.Load(arguments.Required("data"), time, @event,
            requests.Concat(recordOptions.Requests()), requests.Select(r => r.Name).Concat(recordOptions.CompleteColumns()).ToArray(), CommonOptions.Input(arguments));
        var records = recordOptions.Build(table);
        clock.Loaded();

        var (codes, levels) = records.Factor(group);
        var (strataCodes, strataLevels) = strata is null ? (new int[codes.Length], ["all"]) : records.Factor(strata);
        var result = LogRank.Test(records.Data, codes, levels, strataCodes, strataLevels.Length, rho);

        clock.Fitted();
        var warnings = new List<string>();
        if (table.DropNote is not null) warnings.Add(table.DropNote);
        warnings.AddRange(records.Notes);
        if (counting) warnings.Add("the log-rank test on (start, stop] risk sets (Mantel-Byar with a --tdc group): R's survdiff has no such input; each group's n counts intervals, not patients");
        warnings.AddRange(result.Warnings);
        var report = new LogRankReport(table.TimeColumn, table.EventColumn, group, strata, result, table.Dropped, warnings) { Timing = clock.Report };
        stdout.Write(CommonOptions.Markdown(arguments) ? LogRankMarkdown.Write(report) : LogRankJson.Write(report));
        return PnenApp.Ok;
    }
}

/// <summary>What `pnen logrank` reports.</summary>
internal sealed record LogRankReport(
    string Time, string Event, string Group, string? Strata, LogRankResult Result, int Dropped, IReadOnlyList<string> Warnings)
{
    public PhaseTiming? Timing { get; init; }
}
