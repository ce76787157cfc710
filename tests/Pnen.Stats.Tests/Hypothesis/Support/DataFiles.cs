namespace Pnen.Stats.Tests.Hypothesis;

/// <summary>Files of tests/TestData, copied next to the test assembly by tests/Directory.Build.props.</summary>
internal static class DataFiles
{
    public static string Path(string file) => System.IO.Path.Combine(AppContext.BaseDirectory, "TestData", file);
}
