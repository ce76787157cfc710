using System.Reflection;

namespace Pnen.Generators.Tests.Infrastructure;

/// <summary>Test sources: the real codebooks of Pnen.Dsl.Tests, embedded, and small ones written here.</summary>
internal static class Sources
{
    public static string Codebook(string fileName)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Codebooks." + fileName)
            ?? throw new InvalidOperationException($"No embedded codebook {fileName}.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    public const string Mini = """
        using Pnen.Dsl;

        namespace Sample;

        [Codebook]
        public partial record Mini
        {
            [Id] public required string Id { get; init; }
            [Label("Age, y"), Unit("years"), Range(0, 120)] public double? Age { get; init; }
            [Column("arm")] public required Arm Arm { get; init; }
        }

        public enum Arm { [Label("Standard care")] Standard, [Code("2")] Test }
        """;

    /// <summary>Every supported type, role and option, as the brief's patient.</summary>
    public const string Everything = """
        using System;
        using Pnen.Dsl;

        namespace Study.Data;

        [Codebook(MissingValues = new[] { "", "NA", "." }, IgnoreExtraColumns = true)]
        public partial record Patient
        {
            [Id, Column("patient_id")] public required string Id { get; init; }
            [Label("Gender")] public required Sex Sex { get; init; }
            [Label("Age, y"), Unit("years"), Range(0, 120)] public required double Age { get; init; }
            [Label("Maximum diameter of HM"), Unit("mm"), Range(0, 200)] public double? HmDiameter { get; init; }
            [Label("Pathological grading")] public Grade? Grade { get; init; }
            [Label("Surgical treatment")] public required Surgery Surgery { get; init; }
            [Label("Centre")] public required string Center { get; init; }
            public string? Note { get; init; }
            public bool? Metachronous { get; init; }
            public long? Registry { get; init; }
            public decimal? Ki67 { get; init; }
            [Label("Date of diagnosis")] public DateOnly? Diagnosed { get; init; }
            [SurvivalTime(Unit = "months")] public required double OsMonths { get; init; }
            [Event] public required bool Died { get; init; }
            public string Computed => Id + "!";
        }

        public enum Sex { [Label("Male"), Code("1")] Male, [Label("Female"), Code("2")] Female }
        public enum Grade { G1, G2, G3, [Label("NEC \"high grade\" <G3>")] NEC }
        public enum Surgery { [Label("No resection")] NR, [Label("Primary resection")] PR, [Label("Primary + hepatic resection")] PHR }
        """;

    /// <summary>A class in the global namespace, internal, with an internal enum and keywords as names.</summary>
    public const string GlobalInternalClass = """
        using Pnen.Dsl;

        [Codebook]
        internal partial class Visit
        {
            public int Number { get; set; }
            public Kind Kind { get; set; }
            public bool? @checked { get; set; }
        }

        internal enum Kind { Planned = 5, Unplanned = 1, @default = 3 }
        """;
}
