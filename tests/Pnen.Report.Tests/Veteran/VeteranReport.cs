using Pnen.Dsl;
using Pnen.Dsl.Tests.Codebooks;

namespace Pnen.Report.Tests.Veteran;

/// <summary>The veteran study's result, computed once.</summary>
internal static class VeteranReport
{
    public static string DataPath => Path.Combine(AppContext.BaseDirectory, "TestData", "veteran.csv");

    private static readonly Lazy<StudyResult<CellType>> Lazy = new(() => VeteranStudy.Plan.Execute(Codebook.Load<VeteranPatient>(DataPath)));

    public static StudyResult<CellType> Result => Lazy.Value;
}
