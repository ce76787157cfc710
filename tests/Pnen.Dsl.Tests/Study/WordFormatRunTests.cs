using Pnen.Dsl.Hosting;
using Pnen.Dsl.Tests.Codebooks;

namespace Pnen.Dsl.Tests.Study;

/// <summary>--format docx in a study that does not reference Pnen.Report.Png (this test project does
/// not): refused at once with exit code 2, naming the package to add, before the data are read.</summary>
public class WordFormatRunTests
{
    [Fact]
    public async Task WordWithoutThePngPackageNamesIt()
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var output = Path.Combine(Path.GetTempPath(), "pnen-word-" + Guid.NewGuid().ToString("N"));
        var exit = await StudyHost.RunAsync(LungStudy.Plan, ["--data", "no-such-file.csv", "--out", output, "--format", "html,docx", "--quiet"], new StudyRunSettings("lung study"), stdout, stderr);
        Assert.Equal(StudyHost.UserError, exit);
        Assert.Equal("lung study: --format docx embeds the figures as PNG, which needs the Pnen.Report.Png package: add it to the study (dotnet add package Pnen.Report.Png) and run again\n", stderr.ToString());
        Assert.False(Directory.Exists(output));
    }

    [Fact]
    public void WordIsAFormatButNotADefaultOne()
    {
        Assert.DoesNotContain("docx", StudyArguments.Parse([], "report").Formats);
        Assert.Contains("docx", StudyArguments.Parse(["--format", "docx"], "report").Formats);
        Assert.Contains("docx", StudyArguments.Usage);
    }
}
