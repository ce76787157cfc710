using Pnen.Cli.CommandLine;

namespace Pnen.Cli.Commands;

/// <summary>Options that several commands share, spelled the same everywhere.</summary>
internal static class CommonOptions
{
    public static readonly OptionSpec Data = new("data", "CSV file (header row; empty or NA = missing; .tsv = tab-separated)", Required: true, ValueName: "FILE");
    public static readonly OptionSpec Time = new("time", "column with follow-up times (finite, non-negative)", Required: true, ValueName: "COLUMN");
    public static readonly OptionSpec Event = new("event", "column with the event indicator (1/0 or true/false)", Required: true, ValueName: "COLUMN");
    public static readonly OptionSpec Format = new("format", "output format: json (default) or md", ValueName: "json|md");
    public static readonly OptionSpec Timing = new("timing", "add \"timing\":{\"loadMs\",\"fitMs\"} to the output: milliseconds spent reading the data and computing", IsFlag: true);
    public static readonly OptionSpec Help = new("help", "show this help", IsFlag: true);

    public static bool Markdown(Arguments arguments) => arguments.Choice("format", "json", "json", "md") == "md";
}
