using System.Globalization;

namespace Pnen.Stats.Tests.Hypothesis;

/// <summary>tests/TestData/veteran.csv (survival::veteran), read with a minimal CSV split: the file has no embedded commas.</summary>
internal sealed class Veteran
{
    private Veteran(string[] header, List<string[]> rows)
    {
        Header = header;
        Rows = rows;
    }

    public static Veteran Instance { get; } = Load();

    public string[] Header { get; }

    public List<string[]> Rows { get; }

    public double[] Numbers(string column)
    {
        var at = Array.IndexOf(Header, column);
        return [.. Rows.Select(r => double.Parse(r[at], CultureInfo.InvariantCulture))];
    }

    /// <summary>Codes of a column's distinct values in R's factor order (sorted: numerically if numbers, else ordinal).</summary>
    public (int[] Codes, string[] Levels) Factor(string column)
    {
        var at = Array.IndexOf(Header, column);
        var raw = Rows.Select(r => r[at]).ToArray();
        var numeric = raw.All(v => double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out _));
        var levels = numeric
            ? raw.Distinct().OrderBy(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray()
            : raw.Distinct().OrderBy(v => v, StringComparer.Ordinal).ToArray();
        return ([.. raw.Select(v => Array.IndexOf(levels, v))], levels);
    }

    private static Veteran Load()
    {
        var lines = File.ReadAllLines(DataFiles.Path("veteran.csv")).Where(l => l.Length > 0).ToArray();
        static string[] Split(string line) => [.. line.Split(',').Select(f => f.Trim('"'))];
        return new Veteran(Split(lines[0]), [.. lines.Skip(1).Select(Split)]);
    }
}
