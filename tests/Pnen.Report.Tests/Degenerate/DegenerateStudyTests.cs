using Pnen.Dsl;
using Pnen.Dsl.Report;

namespace Pnen.Report.Tests.Degenerate;

/// <summary>
/// The degenerate study (<see cref="TinyStudy"/>) runs through the executor and the report writer:
/// every number that cannot be computed is said to be so, and no output file (results.json, the CSV
/// tables, report.md, report.html, the SVG figures, the manifest) holds NaN or an infinity, nor any
/// patient identifier.
/// </summary>
public sealed class DegenerateStudyTests
{
    private static readonly Lazy<StudyResult<TinyArm>> Result = new(() => TinyStudy.Plan.Execute(TinyStudy.Data()));

    [Fact]
    public void EveryStepHasADefinedAnswer()
    {
        var result = Result.Value;
        Assert.Equal(9, result.Cohort.N);
        Assert.Equal(0, result.Cohort[TinyArm.Unused].N);

        // Arm B has no events: its hazard ratio is flagged, not printed as a number.
        var b = result.Cohort.Models[0][TinyArm.B];
        Assert.True(b.PossiblyInfinite || b.HazardRatio is null, "an arm without events must not get a plain hazard ratio");
        Assert.Contains(result.Cohort.Notes, n => n is NotTested { Subject: "Site", Reason.Kind: ConstancyKind.OneValue });
        Assert.Contains(result.Cohort.Notes, n => n is LeftOutOfModel { Term: "Site" });

        var armB = result.Subgroup("ArmBOnly");
        Assert.Equal(0, armB.Events);
        Assert.Null(armB.ExposureLogRank.PValue);
        Assert.NotEmpty(armB.ExposureLogRank.Warnings);

        var nobody = result.Subgroup("Nobody");
        Assert.Equal("not tested: the subgroup is empty", nobody.Interaction!.Note);
        Assert.Equal(0, nobody.N);
        Assert.Null(nobody.Overall.Median.Time);

        var one = result.Subgroup("OnePatient");
        Assert.Equal(1, one.N);

        var within = result.Subgroup("GradeKnown").Selection("ArmC");
        Assert.IsType<NotTested>(within.Effect("Grade").Note);
    }

    [Fact]
    public void NoOutputHoldsNaNInfinityOrAnIdentifier()
    {
        using var scratch = new Scratch();
        var output = StudyReport.Write(Result.Value, new ReportOptions { OutputDirectory = scratch.Report });
        Assert.Contains(output.Files, f => f.Path == "results.json");
        Assert.Contains(output.Files, f => f.Path.EndsWith(".svg", StringComparison.Ordinal));
        Assert.Contains(output.Files, f => f.Path.EndsWith(".csv", StringComparison.Ordinal));
        OutputScan.AssertClean(output, TinyStudy.Ids);
    }
}
