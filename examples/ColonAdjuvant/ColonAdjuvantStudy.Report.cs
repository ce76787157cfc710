using ColonAdjuvant.Audit;
using Pnen.Dsl.Report;

namespace ColonAdjuvant;

public static partial class ColonAdjuvantStudy
{
    /// <summary>The report ends with its numbers beside R's.</summary>
    static partial void AddReportSections(ColonAdjuvantStudyResult result, List<ReportSection> sections) =>
        sections.Add(AgreementSection.From(RAgreement.Build(result)));
}
