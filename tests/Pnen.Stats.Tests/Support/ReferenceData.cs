using System.Text.Json;
using Pnen.Data;

namespace Pnen.Stats.Tests.Support;

/// <summary>Loads the columns a reference case names from its CSV file, complete cases only for
/// the outcome (R's default na.omit).</summary>
internal sealed class ReferenceData
{
    private ReferenceData(LoadedTable table, int[] rows)
    {
        Table = table;
        Rows = rows;
    }

    public LoadedTable Table { get; }

    /// <summary>Rows with a time and an event (and group, when asked).</summary>
    public int[] Rows { get; }

    public static ReferenceData Load(JsonElement c, IEnumerable<ColumnRequest> extra)
    {
        var requests = new List<ColumnRequest>
        {
            new(c.Text("time"), ColumnKind.NonNegative),
            new(c.Text("event"), ColumnKind.Event),
        };
        requests.AddRange(extra);
        var table = TableReader.Read(TestFiles.Path(c.Text("data")), requests);
        var complete = Enumerable.Range(0, table.RowCount)
            .Where(r => requests.All(q => !table[q.Name].IsMissing(r)))
            .ToArray();
        return new ReferenceData(table, complete);
    }

    public double[] Time(JsonElement c) => Rows.Select(r => Table.Get<NumericColumn>(c.Text("time")).Values[r]).ToArray();

    public bool[] Event(JsonElement c) => Rows.Select(r => Table.Get<EventColumn>(c.Text("event")).Values[r] == 1).ToArray();

    public (int[] Codes, IReadOnlyList<string> Levels) Groups(string column)
    {
        var g = Table.Get<CategoricalColumn>(column);
        return (Rows.Select(r => g.Codes[r]).ToArray(), g.Levels);
    }
}
