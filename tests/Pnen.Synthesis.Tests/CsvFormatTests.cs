namespace Pnen.Synthesis.Tests;

public class CsvFormatTests
{
    [Fact]
    public void The_file_is_small_ascii_with_unix_line_ends()
    {
        var bytes = File.ReadAllBytes(CommittedCohort.Path);
        Assert.True(bytes.Length < 1_000_000, $"{bytes.Length} bytes");
        Assert.DoesNotContain((byte)'\r', bytes);
        Assert.All(bytes, b => Assert.InRange(b, (byte)'\n', (byte)'~'));
        Assert.NotEqual(0xEF, bytes[0]); // no byte order mark
    }

    [Fact]
    public void Header_is_exactly_the_documented_columns_in_order()
    {
        var first = File.ReadAllText(CommittedCohort.Path).Split('\n')[0];
        Assert.Equal(string.Join(',', CommittedCohort.Header), first);
    }

    [Fact]
    public void One_row_per_recruited_patient_with_ids_P001_to_P228()
    {
        var rows = CommittedCohort.All;
        Assert.Equal(Published.Int("flowchart", "recruited"), rows.Count);
        Assert.Equal(Enumerable.Range(1, rows.Count).Select(i => $"P{i:000}"), rows.Select(r => r.Id));
    }

    [Fact]
    public void Survival_times_are_positive_and_measurements_plausible()
    {
        foreach (var r in CommittedCohort.All)
        {
            Assert.True(r.OsMonths > 0, r.Id);
            Assert.InRange(r.OsMonths, 0.1, 150.0);
            Assert.InRange(r.Age, 18.0, 90.0);
            if (r.PrimaryDiameter is { } primary) Assert.InRange(primary, 5.0, 200.0);
            if (r.HmDiameter is { } hm) Assert.InRange(hm, 5.0, 200.0);
        }
    }

    [Fact]
    public void Only_the_documented_columns_have_missing_values()
    {
        // The parser already rejects an empty field anywhere else; here: missing values exist
        // only in the final cohort's documented columns and in the grade of excluded patients.
        var final = CommittedCohort.Final;
        Assert.Contains(final, r => r.PrimaryDiameter is null);
        Assert.Contains(final, r => r.HmDiameter is null);
        Assert.Contains(final, r => r.Men1Vhl is null);
        Assert.Contains(final, r => r.LymphNodeMets is null);
        Assert.DoesNotContain(final, r => r.Grade is null);
    }

    [Fact]
    public void Every_centre_recruits()
    {
        var byCentre = CommittedCohort.All.GroupBy(r => r.Center).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(3, byCentre.Count);
        Assert.All(byCentre.Values, n => Assert.True(n >= 20, $"{n} patients"));
    }

    [Fact]
    public void Months_to_surgery_are_given_for_the_resected_only_and_fall_within_their_follow_up()
    {
        // Synthetic (Data/README.md): surgery while alive and followed, so before os_months.
        foreach (var row in CommittedCohort.All)
        {
            if (row.Surgery == "NR")
            {
                Assert.Null(row.MonthsToSurgery);
                continue;
            }
            Assert.NotNull(row.MonthsToSurgery);
            Assert.InRange(row.MonthsToSurgery!.Value, 0, row.OsMonths - 0.05);
        }
    }
}
