using System.Text;

namespace Pnen.Cli.Commands;

/// <summary>Every `pnen` subcommand. Adding a command is one line here.</summary>
public static class CommandTable
{
    private static readonly Command[] All =
    [
        new KmCommand(),
        new LogRankCommand(),
        new CoxCommand(),
        new Table1Command(),
        new PsCommand(),
        new EvalueCommand(),
        new ScaffoldCommand(),
    ];

    public static IEnumerable<string> Names => All.Select(c => c.Name);

    public static Command? Find(string name) => All.FirstOrDefault(c => c.Name == name);

    public static string Help()
    {
        var text = new StringBuilder("pnen: survival analysis of a CSV file, with R survival's numbers and a stable JSON output.\n\ncommands:\n");
        var width = All.Max(c => c.Name.Length);
        foreach (var command in All) text.Append("  ").Append(command.Name.PadRight(width + 2)).Append(command.Summary).Append('\n');
        text.Append("\nRun pnen COMMAND --help for its options. Exit codes: 0 success, 2 a problem with the input or the command line, 1 a bug in Pnen.\n");
        return text.ToString();
    }
}
