namespace Pnen.Dsl.Hosting;

/// <summary>The command line of a study program: <c>dotnet run -- [--data F] [--out DIR] [--format ...] [--quiet] [--suppress-below N]</c>.</summary>
public sealed record StudyArguments(string? Data, string Output, IReadOnlySet<string> Formats, bool Quiet, bool Sequential, bool Help)
{
    /// <summary>--suppress-below N: counts from 1 to N - 1 are hidden in the report (null: nothing is hidden).</summary>
    public int? SuppressBelow { get; init; }

    /// <summary>--sheet NAME: the sheet of an .xlsx --data file (null: the first).</summary>
    public string? Sheet { get; init; }

    /// <summary>--engine duckdb: read a .parquet or .csv --data file through DuckDB, only the
    /// codebook's columns (needs the Pnen.Data.DuckDb package); false: read it whole (the default).</summary>
    public bool DuckDb { get; init; }

    public static readonly IReadOnlyList<string> AllFormats = ["html", "md", "csv", "json", "svg", "docx"];

    /// <summary>What a run writes without --format: everything but report.docx, which needs Pnen.Report.Png.</summary>
    public static readonly IReadOnlyList<string> DefaultFormats = ["html", "md", "csv", "json", "svg"];

    public const string Usage =
        "usage: dotnet run -- [--data FILE] [--sheet NAME] [--engine memory|duckdb] [--out FOLDER] [--format html,md,csv,json,svg,docx] [--quiet] [--sequential] [--suppress-below N]\n\n" +
        "  --data FILE         the cohort: CSV, .sav/.zsav (SPSS), .dta (Stata), .xlsx or .parquet (default: the study's embedded data)\n" +
        "  --sheet NAME        the sheet of an .xlsx file (default: the first)\n" +
        "  --engine duckdb     read a .parquet or .csv --data file through DuckDB, only the codebook's\n" +
        "                      columns (needs the Pnen.Data.DuckDb package; default: memory)\n" +
        "  --out FOLDER        where the report is written (default: report)\n" +
        "  --format LIST       which outputs to write (default: all but docx; docx, a Word\n" +
        "                      document with PNG figures, needs the Pnen.Report.Png package)\n" +
        "  --quiet             no progress, only errors and the final line\n" +
        "  --sequential        analyse subgroups one after another (results are identical)\n" +
        "  --suppress-below N  hide counts from 1 to N-1 in every table, figure and results.json,\n" +
        "                      with complementary suppression (e.g. 11 for the CMS rule; default: none)\n";

    /// <exception cref="ArgumentException">An unknown option or a missing value, worded for the user.</exception>
    public static StudyArguments Parse(IReadOnlyList<string> args, string defaultOutput)
    {
        string? data = null;
        var output = defaultOutput;
        var formats = new HashSet<string>(DefaultFormats, StringComparer.Ordinal);
        bool quiet = false, sequential = false, help = false;
        int? suppressBelow = null;
        string? sheet = null;
        var duckDb = false;
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--data":
                    data = Value(args, ref i);
                    break;
                case "--sheet":
                    sheet = Value(args, ref i);
                    break;
                case "--engine":
                    duckDb = Value(args, ref i) switch
                    {
                        "duckdb" => true,
                        "memory" => false,
                        var other => throw new ArgumentException($"--engine takes memory or duckdb; not '{other}'"),
                    };
                    break;
                case "--out":
                    output = Value(args, ref i);
                    break;
                case "--format":
                    formats = Value(args, ref i).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
                    var unknown = formats.Where(f => !AllFormats.Contains(f)).ToArray();
                    if (unknown.Length > 0 || formats.Count == 0)
                    {
                        throw new ArgumentException($"--format takes a list of {string.Join(", ", AllFormats)}; not '{string.Join(",", unknown)}'");
                    }
                    break;
                case "--quiet":
                    quiet = true;
                    break;
                case "--sequential":
                    sequential = true;
                    break;
                case "--suppress-below":
                    suppressBelow = Threshold(Value(args, ref i));
                    break;
                case "-h" or "--help":
                    help = true;
                    break;
                default:
                    throw new ArgumentException($"unknown option '{args[i]}'");
            }
        }
        return new StudyArguments(data, output, formats, quiet, sequential, help) { SuppressBelow = suppressBelow, Sheet = sheet, DuckDb = duckDb };
    }

    /// <summary>A whole number of at least 2 (1 would hide nothing); beyond that no upper bound is
    /// imposed: registries differ (CMS 11, US cancer statistics 16).</summary>
    private static int Threshold(string text) =>
        int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && n >= 2
            ? n
            : throw new ArgumentException($"--suppress-below takes a whole number of at least 2 (e.g. 11 hides counts 1 to 10); not '{text}'");

    private static string Value(IReadOnlyList<string> args, ref int i)
    {
        if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal)) throw new ArgumentException($"{args[i]} needs a value");
        return args[++i];
    }
}
