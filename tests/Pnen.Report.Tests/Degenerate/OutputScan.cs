using Pnen.Dsl.Report;

namespace Pnen.Report.Tests.Degenerate;

/// <summary>Reads every file of a report and fails on anything that must never be in one.</summary>
internal static class OutputScan
{
    /// <summary>Non-numbers as .NET, JavaScript or a careless formatter would print them.</summary>
    private static readonly string[] Forbidden = ["NaN", "Infinity", "\u221e", "E+308"];

    public static void AssertClean(ReportOutput output, IEnumerable<string> identifiers)
    {
        var ids = identifiers.ToArray();
        foreach (var file in output.Files)
        {
            var text = File.ReadAllText(output.PathOf(file.Path));
            foreach (var word in Forbidden)
            {
                var at = text.IndexOf(word, StringComparison.Ordinal);
                Assert.True(at < 0, $"{file.Path} contains '{word}': ...{Around(text, at)}...");
            }
            foreach (var id in ids)
            {
                Assert.True(!text.Contains(id, StringComparison.Ordinal), $"{file.Path} contains the identifier {id}");
            }
        }
    }

    private static string Around(string text, int at) => at < 0 ? "" : text.Substring(Math.Max(0, at - 80), Math.Min(text.Length - Math.Max(0, at - 80), 160));
}
