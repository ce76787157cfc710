namespace Pnen.Stats.Tests.Support;

/// <summary>Locates the reference data copied next to the test assembly (tests/TestData).</summary>
internal static class TestFiles
{
    public static string Path(string name) => System.IO.Path.Combine(AppContext.BaseDirectory, "TestData", name);
}
