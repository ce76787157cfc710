namespace Pnen.Data.Formats;

/// <summary>
/// Makes the column of a labelled variable (SPSS, Stata): it reads as its labels when every value
/// in the file has one, and as its codes otherwise (a numeric variable with labels on only some
/// values, such as 0 = "none" on a count, stays a number). Labels of missing values are left out.
/// </summary>
internal static class ColumnAssembly
{
    public static CellColumn Numbers(string name, string? label, double[] values, NumberDisplay display, IEnumerable<(double Code, string Label)> labels)
    {
        var byCode = new SortedDictionary<double, string>();
        foreach (var (code, text) in labels)
        {
            if (double.IsFinite(code)) byCode.TryAdd(code, text); // the first label of a code wins, as in SPSS
        }
        var scratch = new char[CellColumn.ScratchLength];
        var valueLabels = byCode.Select(l => new ValueLabel(NumberCells.Format(l.Key, NumberDisplay.Plain, scratch).ToString(), l.Value)).ToArray();
        var readsAsLabels = display == NumberDisplay.Plain && byCode.Count > 0 && values.All(v => double.IsNaN(v) || byCode.ContainsKey(v));
        var info = new SourceColumn(name) { Label = label, ValueLabels = valueLabels, ReadsAsLabels = readsAsLabels };
        var cells = new NumberCells(info, values, display);
        return readsAsLabels ? new LabelledCells(cells, info) : cells;
    }

    public static CellColumn Texts(string name, string? label, string?[] values, IEnumerable<(string Code, string Label)> labels)
    {
        var byCode = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (code, text) in labels) byCode.TryAdd(code, text);
        var valueLabels = byCode.Select(l => new ValueLabel(l.Key, l.Value)).ToArray();
        var readsAsLabels = byCode.Count > 0 && values.All(v => v is null || byCode.ContainsKey(v));
        var info = new SourceColumn(name) { Label = label, ValueLabels = valueLabels, ReadsAsLabels = readsAsLabels };
        var cells = new TextCells(info, values);
        return readsAsLabels ? new LabelledCells(cells, info) : cells;
    }

    /// <summary>Keeps one string per distinct value, so a column of a million repeated levels holds each once.</summary>
    public sealed class Interner
    {
        private readonly Dictionary<string, string> _seen = new(StringComparer.Ordinal);

        public string Intern(string value)
        {
            if (_seen.TryGetValue(value, out var kept)) return kept;
            if (_seen.Count < 1 << 16) _seen[value] = value; // free text need not fill the table
            return value;
        }
    }
}
