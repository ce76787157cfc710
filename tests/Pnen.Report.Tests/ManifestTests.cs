using System.Security.Cryptography;
using System.Text.Json;
using Pnen.Dsl.Report;

namespace Pnen.Report.Tests;

/// <summary>manifest.json says what the report came from and lists every other file with its hash.</summary>
public class ManifestTests
{
    [Fact]
    public void RecordsDataPlanVersionsOptionsAndFiles()
    {
        using var scratch = new Scratch();
        var output = StudyReport.Write(LungReport.Result, LungReport.Options(scratch.Report));
        using var manifest = JsonDocument.Parse(File.ReadAllText(output.PathOf("manifest.json")));
        var root = manifest.RootElement;

        Assert.Equal("pnen-report/1", root.GetProperty("format").GetString());
        Assert.Equal("lung.csv", root.GetProperty("data").GetProperty("name").GetString());
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(LungReport.DataPath))), root.GetProperty("data").GetProperty("sha256").GetString());
        Assert.Equal("lung-study-test-plan", root.GetProperty("plan").GetString());
        Assert.Equal($"{Environment.Version.Major}.{Environment.Version.Minor}", root.GetProperty("dotnet").GetString());
        Assert.DoesNotContain("+", root.GetProperty("pnen").GetString());
        Assert.Equal(0.05, root.GetProperty("options").GetProperty("significanceLevel").GetDouble());
        Assert.Equal(["svg", "html", "markdown", "csv", "json"], root.GetProperty("options").GetProperty("formats").EnumerateArray().Select(f => f.GetString()));

        var listed = root.GetProperty("files").EnumerateArray().ToArray();
        Assert.Equal(output.Files.Count - 1, listed.Length);
        foreach (var file in listed)
        {
            var bytes = File.ReadAllBytes(output.PathOf(file.GetProperty("path").GetString()!));
            Assert.Equal(bytes.LongLength, file.GetProperty("bytes").GetInt64());
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), file.GetProperty("sha256").GetString());
        }
    }

    [Fact]
    public void TheReturnedListMatchesTheFolder()
    {
        using var scratch = new Scratch();
        var output = StudyReport.Write(LungReport.Result, LungReport.Options(scratch.Report));
        var onDisk = Directory.EnumerateFiles(output.Directory, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(output.Directory, f).Replace(Path.DirectorySeparatorChar, '/'))
            .Order(StringComparer.Ordinal);
        Assert.Equal(onDisk, output.Files.Select(f => f.Path));
        Assert.Contains("tables/univariate-final-cohort.csv", onDisk);
        Assert.Contains("figures/km.svg", onDisk);
        Assert.Contains("figures/km-older.svg", onDisk);
    }
}
