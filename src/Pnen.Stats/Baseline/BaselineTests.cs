namespace Pnen.Stats.Baseline;

/// <summary>The identifiers a baseline row gives its test (the <c>test</c> field of the table).</summary>
public static class BaselineTests
{
    public const string ChiSquare = "chisq";
    public const string Fisher = "fisher";
    public const string Anova = "anova";
    public const string Welch = "welch";
    public const string Kruskal = "kruskal";
    public const string Wilcoxon = "wilcoxon";
}
