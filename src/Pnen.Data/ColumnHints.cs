namespace Pnen.Data;

/// <summary>
/// The hints an error about a column adds for a new user: the column a misspelt name most likely
/// meant, and R's unnamed row-names column (what <c>write.csv</c> writes unless told not to).
/// </summary>
public static class ColumnHints
{
    /// <summary><c> (did you mean 'nodes'?)</c> when a column's name is within a small edit distance of
    /// <paramref name="wanted"/> (ignoring case: at most 1 edit for names of up to 4 characters, 2 beyond,
    /// a swap of two neighbours counting as one); every closest name, ordered, when several are as close;
    /// empty when none is close.</summary>
    public static string DidYouMean(string wanted, IEnumerable<string> columns)
    {
        ArgumentNullException.ThrowIfNull(wanted);
        var limit = wanted.Length <= 4 ? 1 : 2;
        var best = int.MaxValue;
        var closest = new List<string>();
        foreach (var column in columns.Distinct(StringComparer.Ordinal))
        {
            if (column.Length == 0 || string.Equals(column, wanted, StringComparison.Ordinal)) continue;
            var distance = Distance(wanted.ToUpperInvariant(), column.ToUpperInvariant(), limit);
            if (distance > limit || distance > best) continue;
            if (distance < best) closest.Clear();
            best = distance;
            closest.Add(column);
        }
        if (closest.Count == 0 || closest.Count > 3) return "";
        closest.Sort(StringComparer.Ordinal);
        return " (did you mean " + string.Join(" or ", closest.Select(c => $"'{c}'")) + "?)";
    }

    /// <summary>A hint when the first column has no name, as R's <c>write.csv</c> writes its row names;
    /// empty otherwise.</summary>
    public static string RowNames(IReadOnlyList<string> columns, DataFormat format = DataFormat.Csv) =>
        format == DataFormat.Csv && columns.Count > 1 && columns[0].Length == 0
            ? "; the first column has no name: R's write.csv wrote its row names there (write the file with row.names = FALSE)"
            : "";

    /// <summary>Whether the first column is R's unnamed row-names column (see <see cref="RowNames"/>).</summary>
    public static bool HasRowNames(IReadOnlyList<string> columns, DataFormat format = DataFormat.Csv) =>
        RowNames(columns, format).Length > 0;

    /// <summary>The optimal string alignment distance (Levenshtein with adjacent swaps), giving up
    /// (returning more than <paramref name="limit"/>) as soon as the lengths alone exceed it.</summary>
    internal static int Distance(string a, string b, int limit)
    {
        // Names are short; a name of hundreds of characters is no misspelling worth a quadratic table.
        if (Math.Abs(a.Length - b.Length) > limit || a.Length > 256) return limit + 1;
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++) d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var value = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) value = Math.Min(value, d[i - 2, j - 2] + 1);
                d[i, j] = value;
            }
        }
        return d[a.Length, b.Length];
    }
}
