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

        var requests = new List<ColumnRequest> { new(group, ColumnKind.Categorical) };
        if (strata is not null) requests.Add(new ColumnRequest(strata, ColumnKind.Categorical));
        var table = SurvivalTable.Load(arguments.Required("data"), arguments.Required("time"), arguments.Required("event"),
            requests, requests.Select(r => r.Name).ToArray(), CommonOptions.Input(arguments));
        clock.Loaded();

        var (codes, levels) = table.Factor(group);
        LogRankResult result;
        if (strata is null)
        {
            result = LogRank.Test(table.Time(), table.Event(), codes, levels, rho);
        }
        else
        {
            var (strataCodes, strataLevels) = table.Factor(strata);
            result = LogRank.Test(table.Time(), table.Event(), codes, levels, strataCodes, strataLevels.Length, rho);
        }

        clock.Fitted();
        var warnings = new List<string>();
        if (table.DropNote is not null) warnings.Add(table.DropNote);
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
