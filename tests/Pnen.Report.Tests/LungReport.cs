using Pnen.Dsl;
using Pnen.Dsl.Report;
using Pnen.Dsl.Tests.Codebooks;
using Pnen.Dsl.Tests.Study;

namespace Pnen.Report.Tests;

/// <summary>The lung study's result and a fresh scratch folder for each test's report.</summary>
internal static class LungReport
{
    public static string DataPath => Path.Combine(AppContext.BaseDirectory, "TestData", "lung.csv");

    private static readonly Lazy<StudyResult<Sex>> Lazy = new(() => LungStudy.Plan.Execute(Codebook.Load<LungPatient>(DataPath)));

    public static StudyResult<Sex> Result => Lazy.Value;

    public static ReportOptions Options(string folder) => new()
    {
        OutputDirectory = folder,
        Data = DataFingerprint.FromFile(DataPath),
        PlanFingerprint = "lung-study-test-plan",
    };

    /// <summary>A new folder under the system temp folder; the caller deletes it.</summary>
    public static string ScratchFolder() => Path.Combine(Path.GetTempPath(), "pnen-report-tests", Guid.NewGuid().ToString("N"));
}
