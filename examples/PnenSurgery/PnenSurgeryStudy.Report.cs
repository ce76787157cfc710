using Pnen.Dsl.Report;
using PnenSurgery.Audit;

namespace PnenSurgery;

public static partial class PnenSurgeryStudy
{
    /// <summary>The report ends with the reproduction audit: every published number beside this run's.</summary>
    static partial void AddReportSections(PnenSurgeryStudyResult result, List<ReportSection> sections) =>
        sections.Add(AuditSection.From(ReproductionAudit.Build(result)));
}
