using Pnen.Data;

namespace Pnen.Dsl;

/// <summary>Copies chosen rows of a column into a new column of the same kind, levels kept.</summary>
internal static class ColumnGather
{
    public static Column Gather(Column column, ReadOnlySpan<int> rows) => column switch
    {
        NumericColumn n => new NumericColumn(n.Name, Pick(n.Values, rows)),
        EventColumn e => new EventColumn(e.Name, Pick(e.Values, rows)),
        CategoricalColumn c => new CategoricalColumn(c.Name, Pick(c.Codes, rows), c.Levels, c.NumericLevels),
        TextColumn t => new TextColumn(t.Name, Pick(t.Values, rows)),
        _ => throw new NotSupportedException($"Cannot take rows of a {column.GetType().Name}."),
    };

    private static T[] Pick<T>(T[] values, ReadOnlySpan<int> rows)
    {
        var picked = new T[rows.Length];
        for (var i = 0; i < rows.Length; i++) picked[i] = values[rows[i]];
        return picked;
    }
}
