using System.Text;
using Pnen.Cli.CommandLine;

namespace Pnen.Cli.Commands;

/// <summary>A `pnen` subcommand: its options, its help text, and what it does.</summary>
public abstract class Command
{
    public abstract string Name { get; }

    public abstract string Summary { get; }

    public abstract IReadOnlyList<OptionSpec> Options { get; }

    /// <summary>Runs the command, writing its result to <paramref name="stdout"/>. User mistakes are
    /// thrown as <see cref="UsageException"/> or Pnen.Data.DataException; the caller reports them.</summary>
    public abstract int Run(Arguments arguments, TextWriter stdout);

    public virtual string Usage()
    {
        var text = new StringBuilder();
        text.Append("pnen ").Append(Name).Append(": ").Append(Summary).Append("\n\nusage: pnen ").Append(Name);
        foreach (var option in Options)
        {
            text.Append(' ').Append(option.Required ? option.Synopsis : $"[{option.Synopsis}]");
        }
        text.Append("\n\noptions:\n");
        var width = Options.Max(o => o.Synopsis.Length);
        foreach (var option in Options)
        {
            text.Append("  ").Append(option.Synopsis.PadRight(width + 2)).Append(option.Description).Append('\n');
        }
        return text.ToString();
    }
}
