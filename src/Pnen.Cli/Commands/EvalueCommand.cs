using Pnen.Cli.CommandLine;
using Pnen.Cli.Output;
using Pnen.Stats.Sensitivity;

namespace Pnen.Cli.Commands;

/// <summary><c>pnen evalue</c>: the E-value of a hazard ratio and of its confidence interval.</summary>
internal sealed class EvalueCommand : Command
{
    public override string Name => "evalue";

    public override string Summary => "E-value of a hazard ratio and its confidence limit nearest 1 (VanderWeele & Ding 2017)";

    public override IReadOnlyList<OptionSpec> Options { get; } =
    [
        new("estimate", "the hazard ratio (positive)", Required: true, ValueName: "HR"),
        new("lower", "its lower confidence limit", ValueName: "L"),
        new("upper", "its upper confidence limit", ValueName: "U"),
        new("common-outcome", "the outcome is common (over 15% by the end of follow-up): convert HR to RR as (1 - 0.5^sqrt(HR)) / (1 - 0.5^sqrt(1/HR)); default: rare, RR = HR", IsFlag: true),
        CommonOptions.Format,
        CommonOptions.Help,
    ];

    public override int Run(Arguments arguments, TextWriter stdout)
    {
        var estimate = Positive(arguments, "estimate")!.Value;
        var lower = Positive(arguments, "lower");
        var upper = Positive(arguments, "upper");
        if (lower > estimate) throw new UsageException($"--lower ({arguments.Optional("lower")}) is above --estimate ({arguments.Optional("estimate")})");
        if (upper < estimate) throw new UsageException($"--upper ({arguments.Optional("upper")}) is below --estimate ({arguments.Optional("estimate")})");
        var common = arguments.Has("common-outcome");
        var result = EValue.ForHazardRatio(estimate, lower, upper, common);
        stdout.Write(CommonOptions.Markdown(arguments) ? EvalueOutput.Markdown(estimate, lower, upper, common, result) : EvalueOutput.Json(common, result));
        return PnenApp.Ok;
    }

    private static double? Positive(Arguments arguments, string name)
    {
        if (!arguments.Has(name)) return null;
        var value = arguments.Number(name, double.NaN);
        if (!(value > 0)) throw new UsageException($"--{name} must be a positive ratio, not '{arguments.Optional(name)}'");
        return value;
    }
}
