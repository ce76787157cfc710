using System.Text;

namespace Pnen.Generators.Benchmarks;

/// <summary>A codebook of <c>count</c> variables mixing every kind, as a large registry extract would.</summary>
internal static class WideCodebook
{
    /// <summary>The attributes the codebook uses, as Pnen.Dsl declares them.</summary>
    public const string Attributes = """
        namespace Pnen.Dsl
        {
            using System;
            [AttributeUsage(AttributeTargets.Class)] public sealed class CodebookAttribute : Attribute { public string[] MissingValues { get; set; } = new[] { "", "NA" }; public bool IgnoreExtraColumns { get; set; } }
            [AttributeUsage(AttributeTargets.Property)] public sealed class IdAttribute : Attribute { }
            [AttributeUsage(AttributeTargets.Property)] public sealed class EventAttribute : Attribute { }
            [AttributeUsage(AttributeTargets.Property)] public sealed class SurvivalTimeAttribute : Attribute { public string? Unit { get; set; } }
            [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)] public sealed class LabelAttribute(string text) : Attribute { public string Text { get; } = text; }
            [AttributeUsage(AttributeTargets.Property)] public sealed class UnitAttribute(string name) : Attribute { public string Name { get; } = name; }
            [AttributeUsage(AttributeTargets.Property)] public sealed class ColumnAttribute(string name) : Attribute { public string Name { get; } = name; }
            [AttributeUsage(AttributeTargets.Property)] public sealed class RangeAttribute(double minimum, double maximum) : Attribute { public double Minimum { get; } = minimum; public double Maximum { get; } = maximum; }
        }
        """;

    public static string Source(int count)
    {
        var text = new StringBuilder();
        text.Append("using Pnen.Dsl;\nnamespace Wide;\n[Codebook]\npublic partial record WidePatient\n{\n");
        text.Append("    [Id] public required string Id { get; init; }\n");
        text.Append("    [SurvivalTime(Unit = \"months\")] public required double Time { get; init; }\n");
        text.Append("    [Event] public required bool Died { get; init; }\n");
        for (var i = 3; i < count; i++)
        {
            text.Append((i % 5) switch
            {
                0 => $"    [Label(\"Measure {i}\"), Unit(\"mg\"), Range(0, 1000)] public double? V{i} {{ get; init; }}\n",
                1 => $"    [Column(\"v.{i}\")] public required int V{i} {{ get; init; }}\n",
                2 => $"    public Level? V{i} {{ get; init; }}\n",
                3 => $"    public bool V{i} {{ get; init; }}\n",
                _ => $"    public string? V{i} {{ get; init; }}\n",
            });
        }
        text.Append("}\npublic enum Level { Low, [Label(\"Middle level\")] Middle, High }\n");
        return text.ToString();
    }
}
