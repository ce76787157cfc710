using System.Text.Json;
using Pnen.Stats.Baseline;

namespace Pnen.Stats.Tests.Baseline;

/// <summary>
/// <see cref="BaselineTableBuilder.BuildFromCounts"/> (a Table 1 from GROUP BY counts) gives the
/// table <see cref="BaselineTableBuilder.Build"/> gives for the rows counted (checked against R by
/// the other Table 1 tests): every label, count, test, method and note the same, every number to
/// 1e-9 relative (sums run over distinct values times counts). Data: ties, missing values and
/// missing groups, an empty group, a constant variable, two groups with and without ties (exact and
/// normal Wilcoxon), more than 5,000 values (Shapiro-Wilk not assessed), every test choice.
/// </summary>
public class CountedTableTests
{
    [Theory]
    [InlineData(ContinuousTestChoice.Auto, 3, 40)]
    [InlineData(ContinuousTestChoice.Auto, 2, 30)]
    [InlineData(ContinuousTestChoice.Auto, 2, 3000)]
    [InlineData(ContinuousTestChoice.Auto, 3, 7000)]
    [InlineData(ContinuousTestChoice.Anova, 4, 500)]
    [InlineData(ContinuousTestChoice.Welch, 3, 500)]
    [InlineData(ContinuousTestChoice.Kruskal, 2, 200)]
    public void CountsGiveTheRowsTable(ContinuousTestChoice test, int groupCount, int n)
    {
        var random = new Random(20261203 + n + groupCount);
        string[] labels = [.. Enumerable.Range(0, groupCount).Select(g => $"g{g}"), "empty"];
        var group = Enumerable.Range(0, n).Select(i => i % 17 == 5 ? -1 : random.Next(groupCount)).ToArray();
        var tied = Enumerable.Range(0, n).Select(i => i % 11 == 3 ? double.NaN : Math.Round(50 + 10 * Normal(random) + 3 * group[i], 0)).ToArray();
        var distinct = Enumerable.Range(0, n).Select(i => 1.5 * i + random.NextDouble() + (group[i] == 1 ? 40 : 0)).ToArray();
        var constant = Enumerable.Range(0, n).Select(_ => 7.0).ToArray();
        var level = Enumerable.Range(0, n).Select(i => i % 13 == 0 ? -1 : random.Next(3)).ToArray();
        string[] levels = ["low", "mid", "high", "never"];
        var options = new BaselineTableOptions { ContinuousTest = test, IncludeSmd = true };

        var rows = BaselineTableBuilder.Build(new BaselineGrouping("arm", group, labels),
            [new ContinuousVariable("tied", tied), new ContinuousVariable("distinct", distinct), new ContinuousVariable("constant", constant), new CategoricalVariable("level", level, levels)], options);
        var counts = BaselineTableBuilder.BuildFromCounts("arm", labels,
            labels.Select((_, g) => group.Count(c => c == g)).ToArray(), group.Count(c => c < 0),
            [Count("tied", tied, group, labels.Length), Count("distinct", distinct, group, labels.Length), Count("constant", constant, group, labels.Length), Count("level", level, levels, group, labels.Length)], options);

        Same(JsonSerializer.SerializeToElement(rows), JsonSerializer.SerializeToElement(counts), "table");
    }

    private static ValueCounts Count(string name, double[] values, int[] group, int groups)
    {
        var byGroup = Enumerable.Range(0, groups).Select(g => Enumerable.Range(0, values.Length).Where(i => group[i] == g && !double.IsNaN(values[i]))
            .GroupBy(i => values[i]).OrderBy(v => v.Key).ToArray()).ToArray();
        return new ValueCounts(name,
            byGroup.Select(g => g.Select(v => v.Key).ToArray()).ToArray(),
            byGroup.Select(g => g.Select(v => (long)v.Count()).ToArray()).ToArray(),
            Enumerable.Range(0, groups).Select(g => Enumerable.Range(0, values.Length).Count(i => group[i] == g && double.IsNaN(values[i]))).ToArray());
    }

    private static CategoricalCounts Count(string name, int[] codes, string[] levels, int[] group, int groups)
    {
        var counts = new int[levels.Length, groups];
        var missing = new int[groups];
        for (var i = 0; i < codes.Length; i++)
        {
            if (group[i] < 0) continue;
            if (codes[i] < 0) missing[group[i]]++;
            else counts[codes[i], group[i]]++;
        }
        return new CategoricalCounts(name, levels, counts, missing);
    }

    private static double Normal(Random random) => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    private static void Same(JsonElement expected, JsonElement actual, string where)
    {
        Assert.True(expected.ValueKind == actual.ValueKind, $"{where}: {expected} against {actual}");
        switch (expected.ValueKind)
        {
            case JsonValueKind.Number:
                var (x, y) = (expected.GetDouble(), actual.GetDouble());
                Assert.True(Math.Abs(x - y) <= 1e-9 * Math.Max(Math.Abs(x), 1e-6), $"{where}: {x:R} against {y:R}");
                break;
            case JsonValueKind.Array:
                Assert.True(expected.GetArrayLength() == actual.GetArrayLength(), $"{where}: {expected} against {actual}");
                for (var i = 0; i < expected.GetArrayLength(); i++) Same(expected[i], actual[i], $"{where}[{i}]");
                break;
            case JsonValueKind.Object:
                foreach (var p in expected.EnumerateObject()) Same(p.Value, actual.GetProperty(p.Name), $"{where}.{p.Name}");
                break;
            default:
                Assert.True(expected.ToString() == actual.ToString(), $"{where}: {expected} against {actual}");
                break;
        }
    }
}
