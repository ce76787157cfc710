using System.Text.Json;
using System.Text.RegularExpressions;
using Pnen.Dsl;
using Pnen.Dsl.Report;
using Pnen.Report.Tests.Degenerate;
using Pnen.Report.Tests.Veteran;

namespace Pnen.Report.Tests.Privacy;

/// <summary>
/// A report written with <see cref="ReportOptions.SuppressBelow"/> shows no count from 1 to the
/// threshold - 1 anywhere: not in results.json, the CSV tables, the Markdown, nor the SVG figures
/// (flow boxes, titles, forest plots, numbers at risk); it has no Kaplan-Meier step tables, says
/// what it hid, and the hidden counts cannot be computed back from the flow's sums.
/// </summary>
public sealed partial class SuppressionReportTests
{
    private const int Threshold = 11;

    /// <summary>Every results.json property that holds a count of patients, records or events.</summary>
    private static readonly HashSet<string> CountNames =
        ["n", "events", "count", "recruited", "final", "excluded", "remaining", "eligible", "notSelected", "missing", "total", "overallCount", "dropped", "atRisk", "censored"];

    private static readonly HashSet<string> CountArrays = ["groupSizes", "counts", "missingCounts"];

    public static TheoryData<string> Studies => ["lung", "veteran", "tiny", "weighted"];

    private static (ReportOutput Output, Scratch Scratch) Write(string study, int? threshold)
    {
        var scratch = new Scratch();
        var folder = Path.Combine(scratch.Root, threshold is null ? "open" : "suppressed");
        var options = new ReportOptions { OutputDirectory = folder, SuppressBelow = threshold };
        var output = study switch
        {
            "lung" => StudyReport.Write(LungReport.Result, options),
            "veteran" => StudyReport.Write(VeteranReport.Result, options),
            "weighted" => StudyReport.Write(WeightedReport.Result, options),
            _ => StudyReport.Write(TinyStudy.Plan.Execute(TinyStudy.Data()), options),
        };
        return (output, scratch);
    }

    [Theory]
    [MemberData(nameof(Studies))]
    public void ResultsJsonHasNoSmallCountAndNoStepTables(string study)
    {
        var (output, scratch) = Write(study, Threshold);
        using var _ = scratch;
        using var json = JsonDocument.Parse(File.ReadAllText(output.PathOf("results.json")));
        var hidden = 0;
        Walk(json.RootElement, "$", (path, name, value) =>
        {
            if (name == "steps") Assert.True(value.ValueKind == JsonValueKind.Null, $"{path}: step tables under suppression");
            if (name is "min" or "max") Assert.True(value.ValueKind == JsonValueKind.Null, $"{path}: single patients' values under suppression");
            if (CountNames.Contains(name) && value.ValueKind == JsonValueKind.Number) CheckCount(path, value.GetInt32());
            if (CountNames.Contains(name) && value.ValueKind == JsonValueKind.Null) hidden++;
            if (CountArrays.Contains(name) && value.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in value.EnumerateArray())
                {
                    if (item.ValueKind == JsonValueKind.Number) CheckCount(path, item.GetInt32());
                    else hidden++;
                }
            }
        });
        var disclosure = json.RootElement.GetProperty("disclosure");
        Assert.Equal(Threshold, disclosure.GetProperty("suppressBelow").GetInt32());
        Assert.True(hidden > 0, "the study has small counts: some must have been hidden");
        Assert.True(disclosure.GetProperty("hiddenCounts").GetInt32() > 0);
    }

    [Theory]
    [MemberData(nameof(Studies))]
    public void TablesAndFiguresShowNoSmallCount(string study)
    {
        var (output, scratch) = Write(study, Threshold);
        using var _ = scratch;
        var marked = false;
        foreach (var file in output.Files.Where(f => f.Path.StartsWith("tables/", StringComparison.Ordinal)))
        {
            var lines = File.ReadAllLines(output.PathOf(file.Path)).Select(Csv).ToArray();
            var header = lines[0];
            var countColumns = Enumerable.Range(0, header.Length).Where(i => IsCountHeader(header[i])).ToArray();
            foreach (var row in lines.Skip(1))
            {
                foreach (var i in countColumns.Where(i => i < row.Length))
                {
                    var cell = row[i];
                    if (cell == Disclosure.Marker) marked = true;
                    if (LeadingInteger().Match(cell) is { Success: true } m) CheckCount($"{file.Path} [{header[i]}] '{cell}'", int.Parse(m.Value, System.Globalization.CultureInfo.InvariantCulture));
                }
            }
        }
        Assert.True(marked, "no table marks a hidden count");

        foreach (var file in output.Files.Where(f => f.Path.EndsWith(".svg", StringComparison.Ordinal)))
        {
            var svg = File.ReadAllText(output.PathOf(file.Path));
            foreach (Match m in NEquals().Matches(svg)) CheckCount($"{file.Path} '{m.Value}'", int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
            foreach (Match m in AtRisk().Matches(svg)) CheckCount($"{file.Path} number at risk", int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
        }

        var markdown = File.ReadAllText(output.PathOf("report.md"));
        foreach (Match m in NEquals().Matches(markdown)) CheckCount($"report.md '{m.Value}'", int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Contains("Small cells are suppressed: counts from 1 to 10 are not shown", markdown);
        Assert.Contains("Not shown: a count from 1 to 10", markdown);
    }

    [Fact]
    public void CurvesStopWhereFewAreAtRisk()
    {
        var (open, scratchOpen) = Write("lung", null);
        var (suppressed, scratchSuppressed) = Write("lung", Threshold);
        using var a = scratchOpen;
        using var b = scratchSuppressed;
        double End(string svg) => CurvePaths().Matches(svg).Select(m => m.Groups["d"].Value)
            .Select(d => double.Parse(LastX().Match(d).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).Max();
        var openSvg = File.ReadAllText(open.PathOf("figures/km-final-cohort.svg"));
        var suppressedSvg = File.ReadAllText(suppressed.PathOf("figures/km-final-cohort.svg"));
        Assert.True(End(suppressedSvg) < End(openSvg), "the suppressed curves must end before the last times, where few are at risk");
        Assert.Contains("Curves stop where fewer than 11 patients are at risk", File.ReadAllText(suppressed.PathOf("report.md")));
    }

    [Fact]
    public void TheFlowHidesTheOneExcludedPatientAndWhatWouldGiveItAway()
    {
        // Lung: 228 recruited, 1 without an institution, 227 in the final cohort (137 men, 90 women).
        var (output, scratch) = Write("lung", Threshold);
        using var _ = scratch;
        var flow = File.ReadAllLines(output.PathOf("tables/flow.csv")).Select(Csv).ToArray();
        Assert.Equal(["Recruited", "", "", "*"], flow[1]);
        Assert.Equal(["Excluded", "Institution unknown", "*", "227"], flow[2]);
        using var json = JsonDocument.Parse(File.ReadAllText(output.PathOf("results.json")));
        var jsonFlow = json.RootElement.GetProperty("flow");
        Assert.Equal(JsonValueKind.Null, jsonFlow.GetProperty("recruited").ValueKind);
        Assert.Equal(227, jsonFlow.GetProperty("final").GetInt32());
    }

    [Fact]
    public void WithoutTheOptionNothingChanges()
    {
        var (open, scratch) = Write("veteran", null);
        using var _ = scratch;
        var json = File.ReadAllText(open.PathOf("results.json"));
        Assert.DoesNotContain("\"disclosure\"", json);
        Assert.DoesNotContain("\"steps\": null", json);
        Assert.DoesNotContain("Small cells are suppressed", File.ReadAllText(open.PathOf("report.md")));
    }

    [Fact]
    public void TheManifestRecordsTheThreshold()
    {
        var (output, scratch) = Write("tiny", Threshold);
        using var _ = scratch;
        using var manifest = JsonDocument.Parse(File.ReadAllText(output.PathOf("manifest.json")));
        Assert.Equal(Threshold, manifest.RootElement.GetProperty("options").GetProperty("suppressBelow").GetInt32());
        OutputScan.AssertClean(output, TinyStudy.Ids);
    }

    [Fact]
    public void AThresholdBelowTwoIsRefused()
    {
        using var scratch = new Scratch();
        Assert.Throws<ArgumentOutOfRangeException>(() => StudyReport.Write(LungReport.Result, new ReportOptions { OutputDirectory = scratch.Report, SuppressBelow = 1 }));
        Assert.False(Directory.Exists(scratch.Report));
    }

    private static void CheckCount(string where, int value) =>
        Assert.True(value == 0 || value >= Threshold, $"{where}: the count {value} is shown");

    private static bool IsCountHeader(string header) =>
        header is "n" or "Events" or "n (%)" or "Excluded" or "Remaining" || header.Contains("(n = ", StringComparison.Ordinal);

    private static void Walk(JsonElement element, string path, Action<string, string, JsonElement> visit)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in element.EnumerateObject())
            {
                visit($"{path}.{property.Name}", property.Name, property.Value);
                Walk(property.Value, $"{path}.{property.Name}", visit);
            }
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            var i = 0;
            foreach (var item in element.EnumerateArray()) Walk(item, $"{path}[{i++}]", visit);
        }
    }

    /// <summary>One CSV line's fields (quoted fields may hold commas; the tables have no line breaks in cells).</summary>
    private static string[] Csv(string line)
    {
        var fields = new List<string>();
        var field = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else field.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { fields.Add(field.ToString()); field.Clear(); }
            else field.Append(c);
        }
        fields.Add(field.ToString());
        return fields.ToArray();
    }

    [GeneratedRegex(@"^\d+")]
    private static partial Regex LeadingInteger();

    [GeneratedRegex(@"\b[nN](?: |\u00a0)=(?: |\u00a0)(\d+)")]
    private static partial Regex NEquals();

    [GeneratedRegex(@"text-anchor=""middle"" fill=""#[0-9A-Fa-f]{6}"">(\d+)</text>")]
    private static partial Regex AtRisk();

    [GeneratedRegex(@"<path d=""(?<d>M[^""]*)"" fill=""none"" stroke=""#[0-9A-Fa-f]{6}"" stroke-width=""1.80""")]
    private static partial Regex CurvePaths();

    [GeneratedRegex(@"H(-?[0-9.]+)(?: V-?[0-9.]+)?\s*$")]
    private static partial Regex LastX();
}
