using System.Text.Json;

namespace Pnen.Stats.Tests.Support;

/// <summary>
/// The cases of tests/TestData/cox-checks/cox-checks.json: cox.zph, summary(coxph)$concordance
/// (R 4.2.2, survival 3.5-3) and coxphf 1.13, written by make-reference.R beside it.
/// </summary>
internal static class CoxCheckCases
{
    private static readonly Lazy<JsonElement[]> Cases = new(() =>
    {
        using var stream = File.OpenRead(TestFiles.Path("cox-checks/cox-checks.json"));
        using var document = JsonDocument.Parse(stream);
        return document.RootElement.GetProperty("cases").EnumerateArray().Select(c => c.Clone()).ToArray();
    });

    public static JsonElement Named(string kind, string name) =>
        Cases.Value.Single(c => c.Text("kind") == kind && c.Text("name") == name);

    /// <summary>(name, transform) of every zph case, (name) of the others.</summary>
    public static IEnumerable<object[]> OfKind(string kind) =>
        Cases.Value.Where(c => c.Text("kind") == kind).Select(c => kind == "zph"
            ? new object[] { c.Text("name"), c.Text("transform") }
            : new object[] { c.Text("name") });

    public static JsonElement Zph(string name, string transform) =>
        Cases.Value.Single(c => c.Text("kind") == "zph" && c.Text("name") == name && c.Text("transform") == transform);

    public static double[] Numbers(this JsonElement e, string property) =>
        e.GetProperty(property).EnumerateArray().Select(v => v.GetDouble()).ToArray();

    public static double?[] NullableNumbers(this JsonElement e, string property) =>
        e.GetProperty(property).EnumerateArray().Select(v => v.ValueKind == JsonValueKind.Number ? v.GetDouble() : (double?)null).ToArray();
}
