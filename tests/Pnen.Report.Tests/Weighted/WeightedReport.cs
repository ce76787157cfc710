using Pnen.Dsl;
using Pnen.Dsl.Tests.Codebooks;
using Pnen.Dsl.Tests.Study;

namespace Pnen.Report.Tests;

/// <summary>The three-arm weighted study of the DSL tests (SurgeryWeightingStudy): its degenerate subgroups
/// (one PHR record, a missing arm, a single record) make the confounding section's edge cases.</summary>
internal static class WeightedReport
{
    public static string DataPath => Path.Combine(AppContext.BaseDirectory, "TestData", "weighting", "pnen-synthetic.csv");

    private static readonly Lazy<StudyResult<SyntheticSurgery>> Lazy = new(() => SurgeryWeightingStudy.Plan.Execute(Codebook.Load<SyntheticPatient>(DataPath)));

    public static StudyResult<SyntheticSurgery> Result => Lazy.Value;
}
