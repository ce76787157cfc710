using System.Text.Json;
using Pnen.Data;
using Pnen.Stats.Survival;
using Pnen.Stats.Survival.Cox;
using Pnen.Stats.Survival.TimeDependent;
using Pnen.Stats.Tests.Support;

namespace Pnen.Stats.Tests.Survival.CountingProcess;

/// <summary>
/// The cases of tests/TestData/cox-core/r-reference-cox-core.json (R 4.2.2, survival 3.5-3,
/// written by make-reference.R beside it) and the data each one analyses, built the way the R
/// script builds it: rows complete in the outcome, then split by tmerge/tdc or cut at a landmark.
/// </summary>
internal static class CoxCoreCases
{
    private static readonly Lazy<JsonElement[]> Cases = new(() =>
    {
        using var stream = File.OpenRead(TestFiles.Path("cox-core/r-reference-cox-core.json"));
        using var document = JsonDocument.Parse(stream);
        return document.RootElement.GetProperty("cases").EnumerateArray().Select(c => c.Clone()).ToArray();
    });

    public static JsonElement Named(string kind, string name) =>
        Cases.Value.Single(c => c.Text("kind") == kind && c.Text("name") == name);

    public static IEnumerable<object[]> OfKind(string kind) =>
        Cases.Value.Where(c => c.Text("kind") == kind).Select(c => new object[] { c.Text("name") });

    public static string? Optional(this JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>The spec's tdc covariates, name → column, in order.</summary>
    public static (string Name, string Column)[] Tdc(this JsonElement spec) =>
        spec.TryGetProperty("tdc", out var tdc) && tdc.ValueKind == JsonValueKind.Object
            ? tdc.EnumerateObject().Select(p => (p.Name, p.Value.GetString()!)).ToArray()
            : [];

    /// <summary>Loads the columns a case needs and derives the records it analyses.</summary>
    public static CaseData Load(JsonElement spec, IEnumerable<(string Name, ColumnKind Kind)> columns)
    {
        var stop = spec.Text("stop");
        var @event = spec.Text("event");
        var start = spec.Optional("start");
        var weights = spec.Optional("weights");
        var cluster = spec.Optional("cluster");
        var tdc = spec.Tdc();
        var requests = new List<ColumnRequest> { new(stop, ColumnKind.NonNegative), new(@event, ColumnKind.Event) };
        if (start is not null) requests.Add(new ColumnRequest(start, ColumnKind.NonNegative));
        if (weights is not null) requests.Add(new ColumnRequest(weights, ColumnKind.Numeric));
        if (cluster is not null) requests.Add(new ColumnRequest(cluster, ColumnKind.Categorical));
        requests.AddRange(tdc.Select(t => new ColumnRequest(t.Column, ColumnKind.Numeric)));
        var tdcNames = tdc.Select(t => t.Name).ToHashSet();
        requests.AddRange(columns.Where(c => !tdcNames.Contains(c.Name)).Select(c => new ColumnRequest(c.Name, c.Kind)));
        var table = TableReader.Read(TestFiles.Path("cox-core/" + spec.Text("file")), requests.DistinctBy(r => r.Name).ToList());

        var outcome = new[] { stop, @event }.Concat(start is null ? [] : [start]).ToArray();
        var rows = Enumerable.Range(0, table.RowCount).Where(r => outcome.All(c => !table[c].IsMissing(r))).ToArray();
        double[] Gather(string column) => rows.Select(r => table.Get<NumericColumn>(column).Values[r]).ToArray();
        var time = Gather(stop);
        var status = rows.Select(r => table.Get<EventColumn>(@event).Values[r] == 1).ToArray();
        var entry = start is null ? null : Gather(start);
        var w = weights is null ? null : Gather(weights);
        var clusterCodes = cluster is null ? null : rows.Select(r => table.Get<CategoricalColumn>(cluster).Codes[r]).ToArray();
        var changeTimes = tdc.Select(t => Gather(t.Column)).ToArray();

        TimeDependentRecords? records = null;
        if (spec.NumberOrNull("landmark") is { } landmark)
        {
            records = Landmark.Apply(time, status, landmark, changeTimes);
        }
        else if (tdc.Length > 0)
        {
            records = TimeDependentSplit.Split(time, status, changeTimes, entry);
        }
        var data = records?.ToSurvivalData(w, clusterCodes) ?? new SurvivalData(time, status) { Start = entry, Weights = w, Cluster = clusterCodes };
        return new CaseData(table, rows, records, tdc.Select(t => t.Name).ToArray(), data);
    }
}

/// <summary>The records of a case and its columns over them (a tdc name gives its 0/1 values).</summary>
internal sealed record CaseData(LoadedTable Table, int[] Rows, TimeDependentRecords? Records, string[] TdcNames, SurvivalData Data)
{
    private int[] RecordRows => Records is null ? Rows : Records.SourceRow.Select(i => Rows[i]).ToArray();

    public double[] Numeric(string name)
    {
        var tdc = Array.IndexOf(TdcNames, name);
        if (tdc >= 0) return Records!.Covariates[tdc];
        var values = Table.Get<NumericColumn>(name).Values;
        return RecordRows.Select(r => values[r]).ToArray();
    }

    public (int[] Codes, IReadOnlyList<string> Levels) Factor(string name)
    {
        var tdc = Array.IndexOf(TdcNames, name);
        if (tdc >= 0) return (Records!.Covariates[tdc].Select(v => (int)v).ToArray(), ["0", "1"]);
        var column = Table.Get<CategoricalColumn>(name);
        return (RecordRows.Select(r => column.Codes[r]).ToArray(), column.Levels);
    }
}
