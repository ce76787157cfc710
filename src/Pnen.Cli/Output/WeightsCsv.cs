using System.Globalization;
using System.Text;
using Pnen.Cli.CommandLine;
using Pnen.Cli.Commands;

namespace Pnen.Cli.Output;

/// <summary>
/// `pnen ps --out FILE`: one line per input row, in input order, <c>row,level,ps,weight</c> (row counted
/// from 1 after the header, the treatment level received, its propensity score and the weight; the last
/// three empty for a row left out). Written to a temporary file beside the target, then moved over it,
/// so a failure never leaves half a file.
/// </summary>
internal static class WeightsCsv
{
    public static void Write(string path, int rowCount, PsReport report)
    {
        var model = report.Model;
        var byRow = new int[rowCount];
        Array.Fill(byRow, -1);
        for (var i = 0; i < model.N; i++) byRow[model.Rows[i]] = i;

        var text = new StringBuilder("row,level,ps,weight\n");
        for (var r = 0; r < rowCount; r++)
        {
            text.Append((r + 1).ToString(CultureInfo.InvariantCulture));
            var i = byRow[r];
            if (i < 0)
            {
                text.Append(",,,\n");
                continue;
            }
            var level = report.Levels.Codes[r];
            text.Append(',').Append(Quote(model.Levels[level]))
                .Append(',').Append(model.Probability(i, level).ToString("R", CultureInfo.InvariantCulture))
                .Append(',').Append(report.Weights.Weights[i].ToString("R", CultureInfo.InvariantCulture)).Append('\n');
        }

        var full = Path.GetFullPath(path);
        if (Directory.Exists(full)) throw new UsageException($"--out '{path}' is a folder");
        var temporary = $"{full}.{Guid.NewGuid():N}.tmp";
        try
        {
            File.WriteAllText(temporary, text.ToString(), new UTF8Encoding(false));
            File.Move(temporary, full, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            TryDelete(temporary);
            throw new UsageException($"--out: cannot write '{path}': {e.Message}");
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Nothing was written there, or it cannot be removed either: the target is untouched.
        }
    }

    private static string Quote(string value) =>
        value.IndexOfAny([',', '"', '\n', '\r']) < 0 ? value : "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
