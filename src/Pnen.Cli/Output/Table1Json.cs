using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Pnen.Cli.Commands;
using Pnen.Stats.Baseline;

namespace Pnen.Cli.Output;

/// <summary>
/// The table1 contract: <c>{"by","groups":[...],"rows":[{"variable","kind","test","statistic","df","p",
/// "normality":{"w","p"},"missing","levels":[{"level","counts":[...],"percents":[...]}],"summary":[{"group",
/// "n","mean","sd","median","q1","q3"}]}],"warnings":[...]}</c>, written from the engine's records with
/// camel-case names. Extensions: per row "method", "df2", "missingCounts", "overall", "smd", "notes";
/// top-level "groupSizes", "total", and "timing" with --timing.
/// </summary>
internal static class Table1Json
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        TypeInfoResolver = Table1JsonContext.Default,
    };

    private static readonly JsonTypeInfo<BaselineTable> TableInfo = (JsonTypeInfo<BaselineTable>)Options.GetTypeInfo(typeof(BaselineTable));

    public static string Write(Table1Report report)
    {
        var json = JsonSerializer.SerializeToNode(report.Table, TableInfo)!.AsObject();
        if (report.Timing is { } timing)
        {
            json["timing"] = new JsonObject { ["loadMs"] = timing.LoadMs, ["fitMs"] = timing.FitMs };
        }
        return json.ToJsonString(Options) + "\n";
    }
}
