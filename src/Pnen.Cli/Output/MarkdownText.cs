using System.Globalization;
using System.Text;

namespace Pnen.Cli.Output;

/// <summary>Small helpers for the Markdown outputs: invariant numbers, tables, "NR" for not reached.</summary>
internal static class MarkdownText
{
    public static string Number(double? value, string format = "G6") => Numbers.General(value, "NR", format);

    public static string Cell(double? value, string format = "G6") => Numbers.General(value, Numbers.Dash, format);

    public static string P(double? p) => Numbers.PScientific(p);

    public static void Table(StringBuilder text, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows)
    {
        text.Append("| ").Append(string.Join(" | ", header)).Append(" |\n");
        text.Append('|').Append(string.Concat(header.Select(_ => " --- |"))).Append('\n');
        foreach (var row in rows) text.Append("| ").Append(string.Join(" | ", row.Select(Escape))).Append(" |\n");
    }

    public static void Warnings(StringBuilder text, IEnumerable<string> warnings)
    {
        var list = warnings.ToList();
        if (list.Count == 0) return;
        text.Append("\nWarnings:\n");
        foreach (var warning in list) text.Append("- ").Append(warning).Append('\n');
    }

    /// <summary>The <c>--timing</c> line of a Markdown report, when asked for.</summary>
    public static void Timing(StringBuilder text, Commands.PhaseTiming? timing)
    {
        if (timing is null) return;
        text.Append(FormattableString.Invariant($"\nTiming: load {timing.LoadMs:F1} ms, fit {timing.FitMs:F1} ms.\n"));
    }

    private static string Escape(string cell) => cell.Replace("|", "\\|", StringComparison.Ordinal);
}
