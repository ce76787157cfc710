using System.Globalization;
using System.Text;
using CsCheck;

namespace Pnen.Data.Tests;

/// <summary>
/// Small CSV files with the things real files have and the fast reader must either read exactly
/// as the ordinary reader does or decline: numbers written every way, NA and empty cells, spaces,
/// quoted levels (some with commas, escaped quotes or line breaks), non-ASCII levels, CRLF, blank
/// lines, a byte-order mark, no final line break, and now and then a ragged row, a bad value, a
/// lone carriage return or a NUL byte.
/// </summary>
internal sealed record RandomCsv(string Text, string Extension, ColumnRequest[] Requests)
{
    private static readonly string[] Numbers =
        ["0", "1", "12.3", "-0.5", " 7 ", "1e3", "-0", "2.50", ".5", "5.", "+4", "123456789.123456789", "NA", "", "  ", "NaN", "Inf", "abc", "1,5"];

    private static readonly string[] Events = ["0", "1", " 1", "true", "FALSE", "1.0", "NA", "", "2", "yes"];

    private static readonly string[] Levels =
        ["A", "b", "B", " x ", "Ménière", "12", "3", "\"quoted\"", "\"with, comma\"", "NA", "", "\"esc\"\"aped\"", "\"line\nbreak\"", "naïve", "\t"];

    public static readonly Gen<RandomCsv> Gen =
        CsCheck.Gen.Select(CsCheck.Gen.Int[1, 5], CsCheck.Gen.Int[0, 40], CsCheck.Gen.Bool, CsCheck.Gen.Bool, CsCheck.Gen.Int[0, 9], CsCheck.Gen.ULong)
            .Select((columns, rows, crlf, tsv, quirks, seed) => Build(columns, rows, crlf, tsv, quirks, seed));

    private static RandomCsv Build(int columns, int rows, bool crlf, bool tsv, int quirks, ulong seed)
    {
        var random = new Random((int)(seed % int.MaxValue));
        var delimiter = tsv ? "\t" : ",";
        var newline = crlf ? "\r\n" : "\n";
        var kinds = Enumerable.Range(0, columns).Select(_ => (ColumnKind)random.Next(5)).ToArray();
        var text = new StringBuilder();
        if (quirks == 1) text.Append('\uFEFF');
        text.Append(string.Join(delimiter, Enumerable.Range(0, columns).Select(c => c == 0 && quirks == 2 ? "\"c0\"" : $"c{c}"))).Append(newline);
        for (var r = 0; r < rows; r++)
        {
            if (quirks == 3 && random.Next(8) == 0) text.Append(random.Next(2) == 0 ? "" : "  ").Append(newline);
            var cells = new string[columns];
            for (var c = 0; c < columns; c++)
            {
                // Mostly clean values, so that the fast reader has files to accept.
                var clean = quirks < 5 || random.Next(10) > 0;
                cells[c] = kinds[c] switch
                {
                    ColumnKind.Event => clean ? (random.Next(2) == 0 ? "0" : "1") : Pick(random, Events),
                    ColumnKind.Categorical => clean ? Pick(random, Levels[..7]) : Pick(random, Levels),
                    _ => clean ? (random.NextDouble() * 100).ToString(random.Next(2) == 0 ? "F2" : "R", CultureInfo.InvariantCulture) : Pick(random, Numbers),
                };
                if (kinds[c] == ColumnKind.NonNegative && cells[c].StartsWith('-') && clean) cells[c] = cells[c][1..];
            }
            var line = string.Join(delimiter, quirks == 6 && random.Next(15) == 0 ? cells[..^1] : cells);
            if (quirks == 7 && random.Next(20) == 0) line += random.Next(2) == 0 ? "\r" : "\0";
            text.Append(line);
            if (r < rows - 1 || quirks != 8) text.Append(newline);
        }
        var requests = Enumerable.Range(0, columns).Where(_ => random.Next(4) > 0).Select(c => new ColumnRequest($"c{c}", kinds[c])).ToArray();
        if (requests.Length == 0) requests = [new ColumnRequest("c0", kinds[0])];
        return new RandomCsv(text.ToString(), tsv ? ".tsv" : ".csv", requests);
    }

    private static string Pick(Random random, string[] values) => values[random.Next(values.Length)];

    public override string ToString() => $"{Extension} requests [{string.Join(", ", Requests.Select(r => $"{r.Name}:{r.Kind}"))}]\n{Text}";
}
