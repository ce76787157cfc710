using System.Globalization;

namespace Pnen.Data;

/// <summary>
/// The order of a categorical column's levels, wherever the column was read: numeric order when
/// every level is a number (ties by spelling, so "1" and "1.0" keep a fixed order), ordinal
/// string order otherwise.
/// </summary>
internal static class LevelOrder
{
    /// <summary>Returns the levels in order, whether they are all numbers, and for each level
    /// (by its index in <paramref name="levels"/>) its position in that order.</summary>
    public static (string[] Ordered, bool Numeric, int[] Remap) Sort(IReadOnlyList<string> levels)
    {
        var numeric = levels.Count > 0 && levels.All(l => ValueParser.TryParseFinite(l, out _));
        var order = Enumerable.Range(0, levels.Count).ToArray();
        if (numeric)
        {
            var values = levels.Select(l => double.Parse(l, NumberStyles.Float, CultureInfo.InvariantCulture)).ToArray();
            Array.Sort(order, (a, b) => values[a] != values[b] ? values[a].CompareTo(values[b]) : string.CompareOrdinal(levels[a], levels[b]));
        }
        else
        {
            Array.Sort(order, (a, b) => string.CompareOrdinal(levels[a], levels[b]));
        }
        var remap = new int[order.Length];
        for (var i = 0; i < order.Length; i++) remap[order[i]] = i;
        return (order.Select(i => levels[i]).ToArray(), numeric, remap);
    }
}
