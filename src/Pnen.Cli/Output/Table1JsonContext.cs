using System.Text.Json;
using System.Text.Json.Serialization;
using Pnen.Stats.Baseline;

namespace Pnen.Cli.Output;

/// <summary>
/// The table1 contract's serialisation metadata, generated at compile time: the same camel-case
/// JSON as the reflection-based serializer gives, but also in a native-AOT build of <c>pnen</c>,
/// where reflection-based serialisation is switched off (see benchmarks/README.md).
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(BaselineTable))]
internal sealed partial class Table1JsonContext : JsonSerializerContext;
