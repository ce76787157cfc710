using System.Globalization;
using Pnen.Dsl;
using Pnen.Dsl.Report;
using Pnen.Dsl.Tests.Codebooks;
using Pnen.Report.Tests.Veteran;

namespace Pnen.Report.Tests;

/// <summary>
/// Table 1's Overall column, its one-row yes/no characteristics, and P values by design: none in a
/// randomised trial unless asked for (CONSORT item 15), shown otherwise unless refused. Counts are
/// derived in the test from veteran.csv itself.
/// </summary>
public class BaselineLayoutTests
{
    private static readonly Lazy<CodebookData<VeteranPatient>> Data = new(() => Codebook.Load<VeteranPatient>(VeteranReport.DataPath));

    private static StudyPlan<VeteranPatient, Treatment> Trial(Func<StudyPlan<VeteranPatient, Treatment>, StudyPlan<VeteranPatient, Treatment>> steps) =>
        steps(Study.Of<VeteranPatient>("Veterans' trial").Survival(p => p.Time, p => p.Died)
            .Exposure(p => p.Treatment, reference: Treatment.Standard)
            .Characteristic(p => p.PriorTherapy)
            .Characteristic(p => p.Karnofsky > 60, label: "Karnofsky above 60")
            .Characteristic(p => (double?)p.Age, label: "Age, y"));

    private static ReportTable TableOne(StudyPlan<VeteranPatient, Treatment> plan) =>
        StudyReport.Build(plan.Execute(Data.Value), new ReportOptions { OutputDirectory = "unused" }).Tables.Single(t => t.Title.StartsWith("Table 1.", StringComparison.Ordinal));

    [Fact]
    public void ARandomisedTrialShowsNoPUnlessAskedWhicheverComesFirst()
    {
        Assert.DoesNotContain(TableOne(Trial(p => p.Randomised().BaselineTable())).Columns, c => c.Header == "P");
        Assert.DoesNotContain(TableOne(Trial(p => p.BaselineTable().Randomised())).Columns, c => c.Header == "P");
        Assert.Contains(TableOne(Trial(p => p.Randomised().BaselineTable(pValues: true))).Columns, c => c.Header == "P");
        Assert.Contains(TableOne(Trial(p => p.BaselineTable(pValues: true).Randomised())).Columns, c => c.Header == "P");
        Assert.Contains(TableOne(Trial(p => p.BaselineTable())).Columns, c => c.Header == "P");
        Assert.DoesNotContain(TableOne(Trial(p => p.BaselineTable(pValues: false))).Columns, c => c.Header == "P");
        // Study.Of(...).Randomised() before the exposure works too.
        var early = Study.Of<VeteranPatient>("Veterans' trial").Randomised().Survival(p => p.Time, p => p.Died)
            .Exposure(p => p.Treatment, reference: Treatment.Standard).Characteristic(p => p.PriorTherapy).BaselineTable();
        Assert.True(early.Declaration.Randomised);
        Assert.False(early.Declaration.Baseline!.PValues);
        var methods = string.Join(" ", StudyReport.Build(early.Execute(Data.Value), new ReportOptions { OutputDirectory = "unused" })
            .Sections[0].Blocks.OfType<ReportParagraph>().Select(p => p.Text));
        Assert.Contains("Design: a randomised trial.", methods);
        Assert.Contains("No tests are shown: in a randomised trial, differences at baseline are due to chance (CONSORT 2010, item 15).", methods);
    }

    [Fact]
    public void YesNoCharacteristicsTakeOneRowWithTheYesCount()
    {
        var table = TableOne(Trial(p => p.Randomised().BaselineTable()));
        var rows = Veterans();
        string Cell(IEnumerable<Row> group, Func<Row, bool> yes)
        {
            var all = group.ToArray();
            var n = all.Count(yes);
            return $"{n} ({(100.0 * n / all.Length).ToString("0", CultureInfo.InvariantCulture)})";
        }
        // An enum with levels No and Yes (prior therapy), and a boolean (Karnofsky above 60): one heading row each, no level rows.
        foreach (var (label, yes) in new (string, Func<Row, bool>)[] { ("Prior therapy", r => r.Prior == 10), ("Karnofsky above 60", r => r.Karnofsky > 60) })
        {
            var row = table.Rows.Single(r => r.Label == label);
            Assert.Equal(TableRowKind.Heading, row.Kind);
            Assert.DoesNotContain(table.Rows, r => r.Characteristic == label);
            Assert.Equal([Cell(rows, yes), Cell(rows.Where(r => r.Treatment == 1), yes), Cell(rows.Where(r => r.Treatment == 2), yes)], row.Cells.Select(c => c.Text));
        }
        Assert.Contains(table.Footnotes, f => f.StartsWith("Yes/no characteristics take one row", StringComparison.Ordinal));
    }

    [Fact]
    public void TheOverallColumnSummarisesEveryone()
    {
        // Untested, a continuous characteristic shows both its mean (SD) and its median (IQR).
        var table = TableOne(Trial(p => p.BaselineTable(pValues: false)));
        var rows = Veterans();
        Assert.Equal($"Overall (n = {rows.Length})", table.Columns[0].Header);
        var ages = rows.Select(r => r.Age).ToArray();
        var mean = ages.Average();
        var sd = Math.Sqrt(ages.Sum(a => (a - mean) * (a - mean)) / (ages.Length - 1));
        var meanRow = table.Rows.Single(r => r.Characteristic == "Age, y" && r.Label == "Mean (SD)");
        Assert.Equal($"{mean.ToString("0.0", CultureInfo.InvariantCulture)} ({sd.ToString("0.0", CultureInfo.InvariantCulture)})", meanRow.Cells[0].Text);
        Assert.DoesNotContain(TableOne(Trial(p => p.BaselineTable(overall: false))).Columns, c => c.Header.StartsWith("Overall", StringComparison.Ordinal));
    }

    private sealed record Row(int Treatment, int Karnofsky, int Prior, double Age);

    /// <summary>veteran.csv read as text, without Pnen: trt, karno, prior, age.</summary>
    private static Row[] Veterans()
    {
        var lines = File.ReadAllLines(VeteranReport.DataPath);
        var header = lines[0].Split(',').Select(h => h.Trim('"')).ToList();
        return lines.Skip(1).Where(l => l.Length > 0).Select(l => l.Split(',')).Select(f => new Row(
            int.Parse(f[header.IndexOf("trt")], CultureInfo.InvariantCulture), int.Parse(f[header.IndexOf("karno")], CultureInfo.InvariantCulture),
            int.Parse(f[header.IndexOf("prior")], CultureInfo.InvariantCulture), double.Parse(f[header.IndexOf("age")], CultureInfo.InvariantCulture))).ToArray();
    }
}
