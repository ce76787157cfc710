using Pnen.Stats.Descriptive;
using Pnen.Stats.Tests.Hypothesis;

namespace Pnen.Stats.Tests.Descriptive;

/// <summary>
/// Standardised differences against R 4.2.2. tableone is not installed here, so its categorical
/// formula (R/modules-smd.R, StdDiffFromLstMeans: proportions without the first level, pooled
/// multinomial covariance, MASS::ginv) is restated in R:
/// <code>
/// smd_cat &lt;- function(tab) {   # tab: groups x levels counts
///   P &lt;- prop.table(tab, 1); if (ncol(P) &gt; 1) P &lt;- P[, -1, drop = FALSE]
///   cv &lt;- function(p) { S &lt;- -outer(p, p); diag(S) &lt;- p * (1 - p); S }
///   out &lt;- c()
///   for (i in 1:(nrow(P) - 1)) for (j in (i + 1):nrow(P)) {
///     d &lt;- P[i, ] - P[j, ]; S &lt;- (cv(P[i, ]) + cv(P[j, ])) / 2
///     out &lt;- c(out, sqrt(drop(t(d) %*% MASS::ginv(S) %*% d)))
///   }
///   out
/// }
/// smd_cat(rbind(c(38, 32), c(18, 19)))                                       # 0.11296966881146132
/// smd_cat(rbind(c(7, 36, 9, 18), c(3, 25, 6, 3), c(5, 45, 6, 0)))           # 0.5039345080849853, 0.87806028453370022, 0.46787571517188253
/// smd_cat(rbind(c(5, 0, 7, 3), c(2, 0, 9, 4)))                              # 0.48690286609222905 (a level empty in both: ginv)
/// smd_cat(rbind(c(50, 37), c(20, 0)))                                       # 1.216552506059644
/// a &lt;- c(61, 55, 70, 48, 66, 59, 73); b &lt;- c(52, 49, 60, 45, 58, 51)
/// (mean(a) - mean(b)) / sqrt((var(a) + var(b)) / 2)                          # 1.2573752401479694
/// </code>
/// </summary>
public class StandardizedDifferenceTests
{
    [Theory]
    [InlineData(new[] { 38, 32 }, new[] { 18, 19 }, 0.11296966881146132)]
    [InlineData(new[] { 7, 36, 9, 18 }, new[] { 3, 25, 6, 3 }, 0.5039345080849853)]
    [InlineData(new[] { 7, 36, 9, 18 }, new[] { 5, 45, 6, 0 }, 0.87806028453370022)]
    [InlineData(new[] { 3, 25, 6, 3 }, new[] { 5, 45, 6, 0 }, 0.46787571517188253)]
    [InlineData(new[] { 5, 0, 7, 3 }, new[] { 2, 0, 9, 4 }, 0.48690286609222905)]
    [InlineData(new[] { 50, 37 }, new[] { 20, 0 }, 1.216552506059644)]
    public void CategoricalMatchesTableonesFormula(int[] a, int[] b, double expected)
    {
        Near.Equal(expected, StandardizedDifference.Categorical(a, b), 1e-10, "SMD");
        Near.Equal(expected, StandardizedDifference.Categorical(b, a), 1e-10, "SMD swapped");
    }

    [Fact]
    public void ContinuousMatchesR()
    {
        var a = ContinuousSummary.Of([61, 55, 70, 48, 66, 59, 73]);
        var b = ContinuousSummary.Of([52, 49, 60, 45, 58, 51]);
        Near.Equal(1.2573752401479694, StandardizedDifference.Continuous(a.Mean!.Value, a.Sd!.Value, b.Mean!.Value, b.Sd!.Value), 1e-12, "SMD");
    }

    [Fact]
    public void DegenerateCases()
    {
        // One constant shared by both groups: 0 (tableone's convention); different constants: undefined.
        Assert.Equal(0, StandardizedDifference.Continuous(5, 0, 5, 0));
        Assert.Null(StandardizedDifference.Continuous(5, 0, 6, 0));
        Assert.Equal(0, StandardizedDifference.Categorical([4, 0], [7, 0]));
        Assert.Null(StandardizedDifference.Categorical([4, 0], [0, 7]));
        Assert.Null(StandardizedDifference.Categorical([0, 0], [1, 2]));
    }
}
