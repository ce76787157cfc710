using System.Text.Json;

namespace Pnen.Cli.Tests;

/// <summary>Runs `pnen` in-process and captures what a shell would see.</summary>
internal static class CliRunner
{
    public static (int Exit, string Stdout, string Stderr) Run(params string[] args)
    {
        var stdout = new StringWriter { NewLine = "\n" };
        var stderr = new StringWriter { NewLine = "\n" };
        var exit = PnenApp.Run(args, stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    /// <summary>Runs a command that must succeed and parses its JSON.</summary>
    public static JsonElement Json(params string[] args)
    {
        var (exit, stdout, stderr) = Run(args);
        Assert.True(exit == 0, $"pnen {string.Join(' ', args)} exited {exit}: {stderr}");
        Assert.Equal("", stderr);
        using var document = JsonDocument.Parse(stdout);
        return document.RootElement.Clone();
    }

    public static string Data(string name) => Path.Combine(AppContext.BaseDirectory, "TestData", name);

    /// <summary>Runs a command that must fail as a user mistake: exit code 2, nothing on stdout,
    /// exactly one line on stderr and no stack trace. Returns that line.</summary>
    public static string FailsWithOneLine(params string[] args)
    {
        var (exit, stdout, stderr) = Run(args);
        Assert.Equal(2, exit);
        Assert.Equal("", stdout);
        Assert.EndsWith("\n", stderr);
        Assert.Equal(1, stderr.Count(c => c == '\n'));
        Assert.DoesNotContain("   at ", stderr);
        return stderr;
    }
}
