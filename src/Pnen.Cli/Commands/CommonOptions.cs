using Pnen.Cli.CommandLine;
using Pnen.Data;

namespace Pnen.Cli.Commands;

/// <summary>Options that several commands share, spelled the same everywhere.</summary>
internal static class CommonOptions
{
    public static readonly OptionSpec Data = new("data", "data file: CSV (header row; empty or NA = missing; .tsv = tab-separated), .sav/.zsav (SPSS), .dta (Stata), .xlsx or .parquet", Required: true, ValueName: "FILE");
    public static readonly OptionSpec Sheet = new("sheet", "the sheet of an .xlsx file to read (default: the first)", ValueName: "NAME");
    public static readonly OptionSpec Time = new("time", "column with follow-up times (finite, non-negative)", Required: true, ValueName: "COLUMN");
    public static readonly OptionSpec Event = new("event", "column with the event indicator (1/0 or true/false)", Required: true, ValueName: "COLUMN");
    public static readonly OptionSpec Format = new("format", "output format: json (default) or md", ValueName: "json|md");
    public static readonly OptionSpec Timing = new("timing", "add \"timing\":{\"loadMs\",\"fitMs\"} to the output: milliseconds spent reading the data and computing", IsFlag: true);
    public static readonly OptionSpec Engine = new("engine", "memory (default): read the file into memory; duckdb: aggregate a .parquet or .csv file of any size in embedded DuckDB (same results)", ValueName: "memory|duckdb");
    public static readonly OptionSpec Help = new("help", "show this help", IsFlag: true);

    public static bool Markdown(Arguments arguments) => arguments.Choice("format", "json", "json", "md") == "md";

    /// <summary>How to open --data: the --sheet of a workbook, refused for any other kind of file.</summary>
    public static ReadOptions Input(Arguments arguments)
    {
        var sheet = arguments.Optional("sheet");
        if (sheet is null) return ReadOptions.Default;
        var data = arguments.Required("data");
        if (DataFormats.FromPath(data) != DataFormat.Excel) throw new UsageException($"--sheet applies to .xlsx files only, and '{data}' is not one");
        return new ReadOptions { Sheet = sheet };
    }
}
