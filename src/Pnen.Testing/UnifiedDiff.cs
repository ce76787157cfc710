using System.Text;
using DiffPlex;
using DiffPlex.Model;

namespace Pnen.Testing;

/// <summary>A unified diff (as <c>git diff</c> prints it) with three lines of context, so a failing
/// snapshot shows what changed without opening either file.</summary>
public static class UnifiedDiff
{
    private const int Context = 3;

    public static string Create(string expected, string actual)
    {
        // A final line break would otherwise show as an empty last line in every hunk that reaches the end.
        var a0 = WithoutFinalLineBreak(expected);
        var b0 = WithoutFinalLineBreak(actual);
        if (a0 == b0 && expected != actual) return "(the texts differ only in their final line break)\n";
        var diff = Differ.Instance.CreateLineDiffs(a0, b0, false, false);
        var a = diff.PiecesOld;
        var b = diff.PiecesNew;
        var text = new StringBuilder();
        var blocks = diff.DiffBlocks;
        var i = 0;
        while (i < blocks.Count)
        {
            // Merge blocks whose context would overlap into one hunk.
            var j = i;
            while (j + 1 < blocks.Count && blocks[j + 1].DeleteStartA - (blocks[j].DeleteStartA + blocks[j].DeleteCountA) <= 2 * Context) j++;
            AppendHunk(text, a, b, blocks, i, j);
            i = j + 1;
        }
        return text.ToString();
    }

    private static string WithoutFinalLineBreak(string text) => text.EndsWith('\n') ? text[..^1] : text;

    private static void AppendHunk(StringBuilder text, IReadOnlyList<string> a, IReadOnlyList<string> b, IList<DiffBlock> blocks, int first, int last)
    {
        var startA = Math.Max(0, blocks[first].DeleteStartA - Context);
        var startB = Math.Max(0, blocks[first].InsertStartB - Context);
        var endA = Math.Min(a.Count, blocks[last].DeleteStartA + blocks[last].DeleteCountA + Context);
        var endB = Math.Min(b.Count, blocks[last].InsertStartB + blocks[last].InsertCountB + Context);
        text.Append("@@ -").Append(startA + 1).Append(',').Append(endA - startA)
            .Append(" +").Append(startB + 1).Append(',').Append(endB - startB).Append(" @@\n");

        var lineA = startA;
        for (var k = first; k <= last; k++)
        {
            var block = blocks[k];
            for (; lineA < block.DeleteStartA; lineA++) text.Append(' ').Append(a[lineA]).Append('\n');
            for (var d = 0; d < block.DeleteCountA; d++) text.Append('-').Append(a[block.DeleteStartA + d]).Append('\n');
            for (var n = 0; n < block.InsertCountB; n++) text.Append('+').Append(b[block.InsertStartB + n]).Append('\n');
            lineA = block.DeleteStartA + block.DeleteCountA;
        }
        for (; lineA < endA; lineA++) text.Append(' ').Append(a[lineA]).Append('\n');
    }
}
