using System.Text.Json;
using Pnen.Dsl.Report;
using Pnen.Dsl.Tests.Codebooks;

namespace Pnen.Report.Tests;

/// <summary>results.json carries every number at full precision, and never NaN or infinity.</summary>
public class ResultsJsonTests
{
    private static JsonElement Results()
    {
        using var scratch = new Scratch();
        var output = StudyReport.Write(LungReport.Result, LungReport.Options(scratch.Report));
        var text = File.ReadAllText(output.PathOf("results.json"));
        Assert.DoesNotContain("NaN", text);
        Assert.DoesNotContain("Infinity", text);
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }

    [Fact]
    public void HazardRatiosRoundTripExactly()
    {
        var json = Results();
        var expected = LungReport.Result.Cohort.Models[0][Sex.Female];
        var female = json.GetProperty("cohort").GetProperty("models")[0].GetProperty("terms")[0].GetProperty("estimates").EnumerateArray()
            .Single(e => e.GetProperty("term").GetString() == "Sex" && e.GetProperty("level").GetString() == "Female");
        Assert.Equal(expected.HazardRatio, female.GetProperty("hazardRatio").GetDouble());
        Assert.Equal(expected.Lower, female.GetProperty("lower").GetDouble());
        Assert.Equal(expected.P, female.GetProperty("p").GetDouble());
    }

    [Fact]
    public void EveryKaplanMeierStepIsThere()
    {
        var json = Results();
        var overall = LungReport.Result.Cohort.Overall;
        var steps = json.GetProperty("cohort").GetProperty("overall").GetProperty("steps");
        Assert.Equal(overall.Steps.Count, steps.GetArrayLength());
        var last = steps[steps.GetArrayLength() - 1];
        Assert.Equal(overall.Steps[^1].Survival, last.GetProperty("survival").GetDouble());
        Assert.Equal(overall.Steps[^1].Time, last.GetProperty("time").GetDouble());
    }

    [Fact]
    public void WhatWasNotEstimatedIsNull()
    {
        var json = Results();
        // Age group is constant in the older subgroup: not tested, so its P is null.
        var older = json.GetProperty("subgroups")[0];
        var age = older.GetProperty("characteristics").EnumerateArray().Single(u => u.GetProperty("label").GetString() == "Age group");
        Assert.Equal(JsonValueKind.Null, age.GetProperty("test").ValueKind);
        Assert.Equal(JsonValueKind.Null, age.GetProperty("logRank").ValueKind);
        Assert.Equal("NotTested", age.GetProperty("note").GetProperty("kind").GetString());
    }
}
