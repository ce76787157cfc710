using Pnen.Dsl.Report;

namespace Pnen.Report.Tests;

/// <summary>Time axes end at the longest follow-up and tick at round, clinical steps.</summary>
public class TimeAxisTests
{
    [Theory]
    [InlineData(1022, "days", 200)]
    [InlineData(999, "days", 200)]
    [InlineData(250, "months", 36)]
    [InlineData(80, "months", 12)]
    [InlineData(30, "months", 6)]
    [InlineData(12.5, "years", 2)]
    [InlineData(3.2, null, 0.5)]
    public void ChoosesAStep(double longest, string? unit, double step)
    {
        var axis = TimeAxis.For(longest, unit);
        Assert.Equal(step, axis.Step, 12);
        Assert.Equal(longest, axis.Max);
        Assert.InRange(axis.Ticks.Count(), 2, 8);
        Assert.True(axis.Ticks.Last() <= longest);
    }

    [Fact]
    public void AGivenStepIsKept() => Assert.Equal([0.0, 30, 60, 90], TimeAxis.For(100, "days", 30).Ticks);
}
