using System.Text.Json;
using System.Text.Json.Nodes;

namespace Pnen.Cli.Tests;

/// <summary>
/// <c>--timing</c> extends the JSON contract with <c>"timing":{"loadMs","fitMs"}</c> and changes
/// nothing else; without the flag there is no "timing" field at all.
/// </summary>
public class TimingOptionTests
{
    public static IEnumerable<object[]> Commands =>
    [
        ["km", "--group", "sex"],
        ["logrank", "--group", "sex"],
        ["cox", "--covariates", "age,sex"],
    ];

    [Theory]
    [MemberData(nameof(Commands))]
    public void TimingAddsOnlyTheTimingObject(string command, string option, string value)
    {
        string[] args = [command, "--data", CliRunner.Data("lung.csv"), "--time", "time", "--event", "event", option, value];
        var plain = JsonNode.Parse(CliRunner.Json(args).GetRawText())!.AsObject();
        var timed = JsonNode.Parse(CliRunner.Json([.. args, "--timing"]).GetRawText())!.AsObject();

        Assert.False(plain.ContainsKey("timing"));
        var timing = timed["timing"]!.AsObject();
        Assert.Equal(["loadMs", "fitMs"], timing.Select(p => p.Key));
        Assert.True(timing["loadMs"]!.GetValue<double>() >= 0);
        Assert.True(timing["fitMs"]!.GetValue<double>() >= 0);

        timed.Remove("timing");
        Assert.True(JsonNode.DeepEquals(plain, timed), "--timing must not change any other field");
    }

    [Fact]
    public void TimingIsAFlag()
    {
        var (exit, _, stderr) = CliRunner.Run("km", "--data", CliRunner.Data("lung.csv"), "--time", "time", "--event", "event", "--timing=yes");
        Assert.Equal(PnenApp.UserError, exit);
        Assert.Contains("--timing takes no value", stderr);
    }

    [Fact]
    public void MarkdownShowsTheTimingLine()
    {
        var (exit, stdout, _) = CliRunner.Run("km", "--data", CliRunner.Data("lung.csv"), "--time", "time", "--event", "event", "--format", "md", "--timing");
        Assert.Equal(PnenApp.Ok, exit);
        Assert.Contains("Timing: load ", stdout);
    }
}
