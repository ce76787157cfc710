using System.Text.Json;

namespace Pnen.Cli.Tests;

/// <summary>Two JSON documents with the same structure and strings, numbers equal to a relative tolerance.</summary>
internal static class JsonNear
{
    public static void Same(JsonElement expected, JsonElement actual, string where, double tolerance)
    {
        Assert.True(expected.ValueKind == actual.ValueKind, $"{where}: {expected} against {actual}");
        switch (expected.ValueKind)
        {
            case JsonValueKind.Number:
                var (x, y) = (expected.GetDouble(), actual.GetDouble());
                Assert.True(Math.Abs(x - y) <= tolerance * Math.Max(Math.Abs(x), 1e-3), $"{where}: {x:R} against {y:R}");
                break;
            case JsonValueKind.Array:
                Assert.Equal(expected.GetArrayLength(), actual.GetArrayLength());
                for (var i = 0; i < expected.GetArrayLength(); i++) Same(expected[i], actual[i], $"{where}[{i}]", tolerance);
                break;
            case JsonValueKind.Object:
                Assert.Equal(expected.EnumerateObject().Select(p => p.Name), actual.EnumerateObject().Select(p => p.Name));
                foreach (var p in expected.EnumerateObject()) Same(p.Value, actual.GetProperty(p.Name), $"{where}.{p.Name}", tolerance);
                break;
            default:
                Assert.Equal(expected.ToString(), actual.ToString());
                break;
        }
    }

}
