// Writes cohort.parquet from cohort.csv with typed columns (R has no arrow package here), for the
// Parquet tests: numbers as INT32/DOUBLE, text as UTF-8 strings, dates as DATE, nulls for missing.
// Run it from this folder as a copy outside the repository (inside, the test projects' shared
// settings would apply to it):  cp make-parquet.cs /tmp/ && dotnet run /tmp/make-parquet.cs
#:package Parquet.Net@6.1.0

using System.Globalization;
using Parquet;
using Parquet.Schema;

var lines = File.ReadAllLines("cohort.csv");
var header = Split(lines[0]);
var rows = lines.Skip(1).Select(Split).ToArray();
string? Cell(string[] row, string column) { var v = row[Array.IndexOf(header, column)]; return v.Length == 0 ? null : v; }
int? Int(string[] row, string column) => Cell(row, column) is { } v ? int.Parse(v, CultureInfo.InvariantCulture) : null;
double? Real(string[] row, string column) => Cell(row, column) is { } v ? double.Parse(v, CultureInfo.InvariantCulture) : null;

var ints = new[] { "time", "status", "karno", "age" };
var reals = new[] { "score" };
var dates = new[] { "diagnosed" };
var fields = header.Select(h => ints.Contains(h) ? new DataField<int?>(h) : reals.Contains(h) ? new DataField<double?>(h)
    : dates.Contains(h) ? new DataField<DateOnly?>(h) : (DataField)new DataField<string>(h)).ToArray();

var options = new ParquetOptions { UseDateOnlyTypeForDates = true };
await using (var stream = File.Create("cohort.parquet"))
await using (var writer = await ParquetWriter.CreateAsync(new ParquetSchema(fields), stream, options))
{
    // Two row groups, so a reader must join them.
    foreach (var group in new[] { rows[..25], rows[25..] })
    {
        using var rowGroup = writer.CreateRowGroup();
        foreach (var field in fields)
        {
            var name = field.Name;
            if (ints.Contains(name)) await rowGroup.WriteAsync<int>(field, group.Select(r => Int(r, name)).ToArray().AsMemory());
            else if (reals.Contains(name)) await rowGroup.WriteAsync<double>(field, group.Select(r => Real(r, name)).ToArray().AsMemory());
            else if (dates.Contains(name)) await rowGroup.WriteAsync<DateOnly>(field, group.Select(r => Cell(r, name) is { } v ? DateOnly.ParseExact(v, "yyyy-MM-dd", CultureInfo.InvariantCulture) : (DateOnly?)null).ToArray().AsMemory());
            else await rowGroup.WriteAsync(field, group.Select(r => Cell(r, name)).ToArray());
        }
    }
}
Console.WriteLine($"wrote cohort.parquet: {rows.Length} rows, {header.Length} columns");

// cohort.csv as R's write.csv writes it: every text field quoted, "" inside quotes doubled, no line breaks in fields.
static string[] Split(string line)
{
    var fields = new List<string>();
    var field = new System.Text.StringBuilder();
    var quoted = false;
    for (var i = 0; i < line.Length; i++)
    {
        var c = line[i];
        if (quoted)
        {
            if (c == '"' && i + 1 < line.Length && line[i + 1] == '"') { field.Append('"'); i++; }
            else if (c == '"') quoted = false;
            else field.Append(c);
        }
        else if (c == '"') quoted = true;
        else if (c == ',') { fields.Add(field.ToString()); field.Clear(); }
        else field.Append(c);
    }
    fields.Add(field.ToString());
    return fields.ToArray();
}
