using System.Text.Json.Serialization;

namespace Pnen.Stats.Baseline;

/// <summary>The kind of a baseline row; serialised as "categorical" or "continuous".</summary>
[JsonConverter(typeof(JsonStringEnumConverter<VariableKind>))]
public enum VariableKind
{
    [JsonStringEnumMemberName("categorical")]
    Categorical,

    [JsonStringEnumMemberName("continuous")]
    Continuous,
}
