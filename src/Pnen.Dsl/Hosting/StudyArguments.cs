namespace Pnen.Dsl.Hosting;

/// <summary>The command line of a study program: <c>dotnet run -- [--data F] [--out DIR] [--format ...] [--quiet]</c>.</summary>
public sealed record StudyArguments(string? Data, string Output, IReadOnlySet<string> Formats, bool Quiet, bool Sequential, bool Help)
{
    public static readonly IReadOnlyList<string> AllFormats = ["html", "md", "csv", "json", "svg"];

    public const string Usage =
        "usage: dotnet run -- [--data FILE] [--out FOLDER] [--format html,md,csv,json,svg] [--quiet] [--sequential]\n\n" +
        "  --data FILE      the cohort as CSV (default: the study's embedded data)\n" +
        "  --out FOLDER     where the report is written (default: report)\n" +
        "  --format LIST    which outputs to write (default: all)\n" +
        "  --quiet          no progress, only errors and the final line\n" +
        "  --sequential     analyse subgroups one after another (results are identical)\n";

    /// <exception cref="ArgumentException">An unknown option or a missing value, worded for the user.</exception>
    public static StudyArguments Parse(IReadOnlyList<string> args, string defaultOutput)
    {
        string? data = null;
        var output = defaultOutput;
        var formats = new HashSet<string>(AllFormats, StringComparer.Ordinal);
        bool quiet = false, sequential = false, help = false;
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--data":
                    data = Value(args, ref i);
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
                case "-h" or "--help":
                    help = true;
                    break;
                default:
                    throw new ArgumentException($"unknown option '{args[i]}'");
            }
        }
        return new StudyArguments(data, output, formats, quiet, sequential, help);
    }

    private static string Value(IReadOnlyList<string> args, ref int i)
    {
        if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal)) throw new ArgumentException($"{args[i]} needs a value");
        return args[++i];
    }
}
