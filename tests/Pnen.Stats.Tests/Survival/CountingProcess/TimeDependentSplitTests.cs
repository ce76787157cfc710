using Pnen.Stats.Survival.TimeDependent;
using Pnen.Stats.Tests.Support;

namespace Pnen.Stats.Tests.Survival.CountingProcess;

/// <summary>
/// The intervals <see cref="TimeDependentSplit"/> builds equal R's tmerge(..., event(), tdc())
/// row by row (the "split" cases of cox-core/r-reference-cox-core.json: myeloid's transplant, and
/// synthetic patients whose exposure starts at 0, before 0, at another patient's death time, at
/// the end of follow-up, after it, never, with two exposures and with delayed entry).
/// </summary>
public class TimeDependentSplitTests
{
    public static IEnumerable<object[]> Cases => CoxCoreCases.OfKind("split");

    [Theory]
    [MemberData(nameof(Cases))]
    public void EqualsTmergeRowByRow(string name)
    {
        var c = CoxCoreCases.Named("split", name);
        var data = CoxCoreCases.Load(c.GetProperty("spec"), []);
        var records = data.Records!;
        var expected = c.GetProperty("rows").EnumerateArray().ToArray();
        var tdc = c.GetProperty("spec").Tdc();

        Assert.Equal(expected.Length, records.Count);
        for (var i = 0; i < expected.Length; i++)
        {
            var row = expected[i];
            var what = $"{name}, tmerge row {i + 1}";
            Assert.True(row.GetProperty("row").GetInt32() == data.Rows[records.SourceRow[i]] + 1, $"{what}: patient");
            Assert.True(row.Number("start") == records.Start![i], $"{what}: start {row.Number("start")} vs {records.Start[i]}");
            Assert.True(row.Number("stop") == records.Stop[i], $"{what}: stop {row.Number("stop")} vs {records.Stop[i]}");
            Assert.True((row.Number("event") == 1) == records.Status[i], $"{what}: event");
            for (var t = 0; t < tdc.Length; t++)
            {
                Assert.True(row.Number(tdc[t].Name) == records.Covariates[t][i], $"{what}: {tdc[t].Name}");
            }
        }
    }

    /// <summary>tmerge's rules, written out by hand for one patient followed on (0, 10]: an
    /// exposure at 4 cuts the interval there; at 0 (or before) it holds from the start; at 10 or
    /// later, or never, it does not cut and stays 0; the event stays on the last piece.</summary>
    [Theory]
    [InlineData(4.0, new[] { 0.0, 4.0 }, new[] { 4.0, 10.0 }, new[] { 0.0, 1.0 })]
    [InlineData(0.0, new[] { 0.0 }, new[] { 10.0 }, new[] { 1.0 })]
    [InlineData(-3.0, new[] { 0.0 }, new[] { 10.0 }, new[] { 1.0 })]
    [InlineData(10.0, new[] { 0.0 }, new[] { 10.0 }, new[] { 0.0 })]
    [InlineData(12.0, new[] { 0.0 }, new[] { 10.0 }, new[] { 0.0 })]
    [InlineData(double.NaN, new[] { 0.0 }, new[] { 10.0 }, new[] { 0.0 })]
    public void OnePatientFollowsTmergesRules(double exposure, double[] start, double[] stop, double[] value)
    {
        var records = TimeDependentSplit.Split([10.0], [true], [[exposure]]);
        Assert.Equal(start, records.Start);
        Assert.Equal(stop, records.Stop);
        Assert.Equal(value, records.Covariates[0]);
        Assert.Equal(Enumerable.Range(0, start.Length).Select(i => i == start.Length - 1), records.Status);
        Assert.All(records.SourceRow, r => Assert.Equal(0, r));
    }

    /// <summary>A landmark at 5 keeps the patients followed past 5, from 5 on, each exposure
    /// fixed at its value at 5 (an exposure at exactly 5 counts; a later one does not).</summary>
    [Fact]
    public void LandmarkKeepsThoseFollowedPastItWithExposureFixedThere()
    {
        var records = Landmark.Apply([3.0, 5.0, 8.0, 12.0, 9.0], [true, false, true, false, true], 5, [[1.0, 2.0, 5.0, 7.0, double.NaN]]);
        Assert.Null(records.Start);
        Assert.Equal([2, 3, 4], records.SourceRow);
        Assert.Equal([3.0, 7.0, 4.0], records.Stop);
        Assert.Equal([true, false, true], records.Status);
        Assert.Equal([1.0, 0.0, 0.0], records.Covariates[0]);
    }
}
