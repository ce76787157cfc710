using Pnen.Cli.CommandLine;
using Pnen.Cli.Input;
using Pnen.Cli.Output;
using Pnen.Data;
using Pnen.Stats.Survival;

namespace Pnen.Cli.Commands;

/// <summary><c>pnen km</c>: Kaplan-Meier curves, overall or per group.</summary>
internal sealed class KmCommand : Command
{
    public override string Name => "km";

    public override string Summary => "Kaplan-Meier curves with Greenwood confidence limits, medians and quartiles";

    public override IReadOnlyList<OptionSpec> Options { get; } =
    [
        CommonOptions.Data,
        CommonOptions.Sheet,
        CommonOptions.Time,
        CommonOptions.Event,
        new("group", "column whose levels get one curve each (default: one curve, level \"all\")", ValueName: "COLUMN"),
        new("conf-type", "confidence limits: log (default, as R), log-log or plain", ValueName: "log|log-log|plain"),
        new("conf-level", "confidence level (default 0.95)", ValueName: "LEVEL"),
        new("tau", "also report the restricted mean survival time to this horizon", ValueName: "TIME"),
        RecordOptionSpecs.Start,
        RecordOptionSpecs.Weights,
        RecordOptionSpecs.Tdc,
        RecordOptionSpecs.Landmark,
        CommonOptions.Engine,
        CommonOptions.Format,
        CommonOptions.Timing,
        CommonOptions.Help,
    ];

    public override int Run(Arguments arguments, TextWriter stdout)
    {
        var clock = PhaseClock.Start(arguments);
        var options = new KaplanMeierOptions
        {
            ConfidenceType = arguments.Choice("conf-type", "log", "log", "log-log", "plain") switch
            {
                "log-log" => ConfidenceType.LogLog,
                "plain" => ConfidenceType.Plain,
                _ => ConfidenceType.Log,
            },
            ConfidenceLevel = arguments.Number("conf-level", 0.95),
        };
        if (!(options.ConfidenceLevel > 0 && options.ConfidenceLevel < 1)) throw new UsageException("--conf-level must lie strictly between 0 and 1");
        double? tau = arguments.Has("tau") ? arguments.Number("tau", 0) : null;
        if (tau < 0) throw new UsageException("--tau must not be negative");

        var group = arguments.Optional("group");
        var (time, @event) = (arguments.Required("time"), arguments.Required("event"));
        var recordOptions = RecordOptions.Parse(arguments, time, @event);
        if (DuckDbInput.Requested(arguments))
        {
            DuckDbInput.CheckOptions(arguments, recordOptions);
            var (aggregate, dropped, note) = DuckDbInput.Survival(arguments.Required("data"), time, @event, group, null);
            clock.Loaded();
            var fitted = KaplanMeier.FitCounts(aggregate.Counts, aggregate.GroupLevels, options);
            clock.Fitted();
            var report = new KmReport(time, @event, group, fitted, tau, dropped, note is null ? [] : [note]) { Timing = clock.Report };
            stdout.Write(CommonOptions.Markdown(arguments) ? KmMarkdown.Write(report) : KmJson.Write(report));
            return PnenApp.Ok;
        }
        var fileGroup = group is null || recordOptions.IsTdc(group) ? null : group;
        var table = SurvivalTable.Load(
            arguments.Required("data"), time, @event,
            (fileGroup is null ? [] : new[] { new ColumnRequest(fileGroup, ColumnKind.Categorical) }).Concat(recordOptions.Requests()),
            (fileGroup is null ? [] : new[] { fileGroup }).Concat(recordOptions.CompleteColumns()).ToArray(), CommonOptions.Input(arguments));
        var records = recordOptions.Build(table);
        clock.Loaded();

        IReadOnlyList<KaplanMeierCurve> curves;
        if (group is null)
        {
            curves = [KaplanMeier.Fit(records.Data, options)];
        }
        else
        {
            var (codes, levels) = records.Factor(group);
            curves = KaplanMeier.FitGroups(records.Data, codes, levels, options);
        }

        clock.Fitted();
        var warnings = table.DropNote is null ? new List<string>() : [table.DropNote];
        warnings.AddRange(records.Notes);
        if (table.Rows.Length == 0) warnings.Add("no rows left to analyse");
        var result = new KmReport(table.TimeColumn, table.EventColumn, group, curves, tau, table.Dropped, warnings)
        {
            Timing = clock.Report,
            Variance = recordOptions.Weights is null ? null : curves.Any(c => c.RobustVariance) ? "robust" : "greenwood",
        };
        stdout.Write(CommonOptions.Markdown(arguments) ? KmMarkdown.Write(result) : KmJson.Write(result));
        return PnenApp.Ok;
    }
}

/// <summary>What `pnen km` reports, for the JSON and Markdown writers.</summary>
internal sealed record KmReport(
    string Time,
    string Event,
    string? Group,
    IReadOnlyList<KaplanMeierCurve> Curves,
    double? Tau,
    int Dropped,
    IReadOnlyList<string> Warnings)
{
    public PhaseTiming? Timing { get; init; }

    /// <summary>With --weights: "greenwood" or "robust", the variance behind stdErr.</summary>
    public string? Variance { get; init; }
}
