using Pnen.Stats.Balance;
using Pnen.Stats.Regression;
using Pnen.Stats.Survival.Cox;
using Pnen.Stats.Tests.Support;
using Pnen.Stats.Weighting;

namespace Pnen.Stats.Tests.Weighting;

/// <summary>Edge cases with hand-derived expectations: SMD denominators, zero weights, truncation caps,
/// Kish's ESS, a treatment level with a single record, a constant covariate, an empty arm.</summary>
public class WeightingEdgeCaseTests
{
    private static CategoricalCovariate Arms(params int[] codes) => new("t", codes, new[] { "A", "B", "C" }.Take(codes.Max() + 1).ToArray(), 0);

    [Fact]
    public void ContinuousSmdUsesTheSampleVariancesOfTheUnweightedArms()
    {
        // A: 2, 4 (mean 3, var 2); B: 1, 2, 3 (mean 2, var 1). Pooled SD √((2 + 1)/2) = √1.5.
        // Before: (2 − 3)/√1.5. After, weights A 1, 3 -> (2 + 12)/4 = 3.5; B 1, 1, 2 -> (1 + 2 + 6)/4 = 2.25:
        // (2.25 − 3.5)/√1.5, the same denominator.
        var t = Arms(0, 0, 1, 1, 1);
        var x = new NumericCovariate("x", [2, 4, 1, 2, 3]);
        var rows = BalanceTable.Compute([0, 1, 2, 3, 4], t.Codes, t.Levels, 0, [x], [1, 3, 1, 1, 2]).Single();
        Assert.Null(rows.Level);
        Approx.Equal(-1 / Math.Sqrt(1.5), rows.SmdBefore!.Value, 1e-12, "before");
        Approx.Equal(-1.25 / Math.Sqrt(1.5), rows.SmdAfter!.Value, 1e-12, "after");
    }

    [Fact]
    public void BinarySmdUsesPTimesOneMinusPAndEveryLevelGetsARow()
    {
        // sex: A = F, M (p_M 1/2), B = M, M, F (p_M 2/3). Denominator √((1/4 + 2/9)/2) = √(17/72).
        // M: (2/3 − 1/2)/√(17/72); F the opposite. A two-valued numeric column (0/1 here) is binary too.
        var t = Arms(0, 0, 1, 1, 1);
        var sex = new CategoricalCovariate("sex", [0, 1, 1, 1, 0], ["F", "M"], 0);
        var flag = new NumericCovariate("flag", [0, 1, 1, 1, 0]);
        var rows = BalanceTable.Compute([0, 1, 2, 3, 4], t.Codes, t.Levels, 0, [sex, flag], [1, 1, 1, 1, 1]);
        var expected = (2.0 / 3 - 0.5) / Math.Sqrt(17.0 / 72);
        Approx.Equal(expected, rows.Single(r => r.Level == "M").SmdBefore!.Value, 1e-12, "M");
        Approx.Equal(-expected, rows.Single(r => r.Level == "F").SmdBefore!.Value, 1e-12, "F");
        Approx.Equal(expected, rows.Single(r => r.Variable == "flag").SmdBefore!.Value, 1e-12, "0/1 numeric");
    }

    [Fact]
    public void WithThreeArmsTheDenominatorAveragesEveryArm()
    {
        // A: 0, 2 (var 2); B: 1, 3 (var 2); C: 10, 20 (var 50). cobalt: √((2 + 2 + 50)/3) = √18 for every comparison.
        var t = Arms(0, 0, 1, 1, 2, 2);
        var x = new NumericCovariate("x", [0, 2, 1, 3, 10, 20]);
        var rows = BalanceTable.Compute([0, 1, 2, 3, 4, 5], t.Codes, t.Levels, 0, [x], [1, 1, 1, 1, 1, 1]);
        Approx.Equal(1 / Math.Sqrt(18), rows.Single(r => r.TreatmentLevel == "B").SmdBefore!.Value, 1e-12, "B vs A");
        Approx.Equal(14 / Math.Sqrt(18), rows.Single(r => r.TreatmentLevel == "C").SmdBefore!.Value, 1e-12, "C vs A");
    }

    [Fact]
    public void ConstantCovariatesAndZeroWeightArmsGiveZeroOrNullNeverNaN()
    {
        var t = Arms(0, 0, 1, 1);
        var constant = new NumericCovariate("k", [5, 5, 5, 5]);
        var x = new NumericCovariate("x", [1, 2, 3, 5]);
        var rows = BalanceTable.Compute([0, 1, 2, 3], t.Codes, t.Levels, 0, [constant, x], [1, 1, 0, 0]);
        Assert.Equal(0, rows.Single(r => r.Variable == "k").SmdBefore);
        Assert.Null(rows.Single(r => r.Variable == "x").SmdAfter); // every weight of arm B is 0
        Assert.NotNull(rows.Single(r => r.Variable == "x").SmdBefore);
    }

    [Fact]
    public void AnArmOfOneHasNoContinuousSmd()
    {
        // R's var() of one value is NA, so cobalt's pooled SD is NA: the SMD is not defined.
        var t = Arms(0, 0, 1);
        var rows = BalanceTable.Compute([0, 1, 2], t.Codes, t.Levels, 0, [new NumericCovariate("x", [1, 2, 4])], [1, 1, 1]);
        Assert.Null(rows.Single().SmdBefore);
    }

    [Fact]
    public void TruncationCapsAtType7QuantilesAndEssIsKish()
    {
        // Each arm has rows with P(level received) = 1/w for w = 1..10, so the ATE weights are 1..10 in both
        // arms; R's quantile(type = 7) at 0.1 and 0.9 over the 20 values
        // (sorted 1,1,2,2,...,10,10): h = 1 + 19·0.1 = 2.9 -> 1 + 0.9·(2 − 1) = 1.9; at 0.9: h = 18.1 -> 9 + 0.1·(10 − 9) = 9.1.
        var (codes, probabilities) = WeightsOneToTen();
        var result = PropensityWeights.Compute(codes, ["A", "B"], 0, probabilities, new WeightingOptions { Truncate = 0.1 });
        Approx.Equal(1.9, result.TruncationBounds!.Value.Lower, 1e-12, "lower cap");
        Approx.Equal(9.1, result.TruncationBounds!.Value.Upper, 1e-12, "upper cap");
        Assert.Equal(4, result.Truncated); // the two 1s and the two 10s
        // Arm A: 1.9, 2..9, 9.1 -> ESS (Σw)²/Σw² by hand.
        var a = new[] { 1.9, 2, 3, 4, 5, 6, 7, 8, 9, 9.1 };
        Approx.Equal(a.Sum() * a.Sum() / a.Sum(v => v * v), result.Arms[0].EffectiveSize, 1e-12, "Kish ESS");
        Approx.Equal(16.0 / 6, EffectiveSampleSize.Kish([1, 1, 2]), 1e-12, "Kish of 1, 1, 2");
        Assert.Equal(0, EffectiveSampleSize.Kish([0, 0]));
    }

    [Fact]
    public void TruncationAtTwoQuantilesNeedNotBeSymmetric()
    {
        // The same 20 weights 1,1,2,2,...,10,10. quantile(type = 7) at 0.1: h = 2.9 -> 1.9 (as above); at 0.75:
        // h = 1 + 19·0.75 = 15.25 -> sorted[15] = 8 + 0.25·(sorted[16] − 8) = 8 (both are 8). Caps 1.9 and 8 change
        // the two 1s, the two 9s and the two 10s. (0.1, 0.9) is Truncate = 0.1 exactly; a quantile outside its half is refused.
        var (codes, probabilities) = WeightsOneToTen();
        var result = PropensityWeights.Compute(codes, ["A", "B"], 0, probabilities, new WeightingOptions { TruncateQuantiles = (0.1, 0.75) });
        Approx.Equal(1.9, result.TruncationBounds!.Value.Lower, 1e-12, "lower cap");
        Approx.Equal(8, result.TruncationBounds!.Value.Upper, 1e-12, "upper cap");
        Assert.Equal(6, result.Truncated);
        var symmetric = PropensityWeights.Compute(codes, ["A", "B"], 0, probabilities, new WeightingOptions { Truncate = 0.1 });
        var pair = PropensityWeights.Compute(codes, ["A", "B"], 0, probabilities, new WeightingOptions { TruncateQuantiles = (0.1, 0.9) });
        Assert.Equal(symmetric.Weights, pair.Weights);
        Assert.Throws<ArgumentOutOfRangeException>(() => PropensityWeights.Compute(codes, ["A", "B"], 0, probabilities, new WeightingOptions { TruncateQuantiles = (0.6, 0.9) }));
    }

    /// <summary>Each of two arms has rows with P(level received) = 1/w for w = 1..10: ATE weights 1, 1, 2, 2, ..., 10, 10.</summary>
    private static (int[] Codes, double[] Probabilities) WeightsOneToTen()
    {
        var n = 20;
        var codes = Enumerable.Range(0, n).Select(i => i % 2).ToArray();
        var probabilities = new double[n * 2];
        for (var i = 0; i < n; i++)
        {
            var w = i / 2 + 1.0;
            probabilities[i * 2 + codes[i]] = 1 / w;
            probabilities[i * 2 + 1 - codes[i]] = 1 - 1 / w;
        }
        return (codes, probabilities);
    }

    [Fact]
    public void TheAttLeavesTheFocalArmAtOneAndStabilisingMultipliesByTheArmShare()
    {
        // Two rows per arm, P(B) = 0.2, 0.5 for A's rows and 0.6, 0.8 for B's. ATT (focal B): A gets p/(1 − p) =
        // 0.25 and 1, B gets 1. Stabilised: × 2/4.
        var codes = new[] { 0, 0, 1, 1 };
        double[] probabilities = [0.8, 0.2, 0.5, 0.5, 0.4, 0.6, 0.2, 0.8];
        var att = PropensityWeights.Compute(codes, ["A", "B"], 0, probabilities, new WeightingOptions { Estimand = Estimand.Att, Stabilize = true });
        Assert.Equal(1, att.Focal);
        Assert.Equal([0.125, 0.5, 0.5, 0.5], att.Weights.Select(w => Math.Round(w, 12)));
        Assert.Throws<ArgumentException>(() => PropensityWeights.Compute([0, 1, 2], ["A", "B", "C"], 0, new double[9], new WeightingOptions { Estimand = Estimand.Att }));
    }

    [Fact]
    public void ATreatmentLevelWithASingleRecordOnTheEdgeIsSeparatedAndInsideIsNot()
    {
        // C is one record. With x = 9 (the largest), x > 8 predicts C perfectly: the C equation runs off to infinity.
        // With x = 4.5 (inside the others' range) no linear logit separates it: a finite fit, P(C) about 1/9.
        double[] xs = [1, 2, 3, 4, 5, 6, 7, 8];
        int[] arms = [0, 1, 0, 1, 0, 1, 0, 1];
        var edge = MultinomialRegression.Fit(new CategoricalCovariate("t", [.. arms, 2], ["A", "B", "C"], 0), [new NumericCovariate("x", [.. xs, 9])]);
        Assert.True(edge.Separation);
        Assert.Contains(edge.Terms, t => t.Level == "C" && t.Variable == "x" && t.PossiblyInfinite);
        var inside = MultinomialRegression.Fit(new CategoricalCovariate("t", [.. arms, 2], ["A", "B", "C"], 0), [new NumericCovariate("x", [.. xs, 4.5])]);
        Assert.False(inside.Separation);
        Assert.True(inside.Converged);
        Assert.All(inside.Probabilities, p => Assert.InRange(p, 1e-3, 1));
    }

    [Fact]
    public void AConstantCovariateIsDroppedByNameAndAnEmptyArmRefused()
    {
        var t = new CategoricalCovariate("t", [0, 1, 0, 1, 0, 1], ["A", "B"], 0);
        var fit = LogisticRegression.Fit(t, [new NumericCovariate("k", [3, 3, 3, 3, 3, 3]), new NumericCovariate("x", [1, 2, 2, 1, 3, 3])]);
        Assert.Contains(fit.DroppedTerms, d => d.Variable == "k");
        Assert.DoesNotContain(fit.Terms, term => term.Variable == "k");
        Assert.Contains(fit.Warnings, w => w.Contains("k was dropped"));
        // B's only rows have a missing covariate: nothing to model.
        Assert.Throws<ArgumentException>(() => LogisticRegression.Fit(new CategoricalCovariate("t", [0, 0, 1], ["A", "B"], 0), [new NumericCovariate("x", [1, 2, double.NaN])]));
    }

    [Fact]
    public void ACollinearCovariateIsDroppedAsGlmGivesItNA()
    {
        // x2 = 2 x1 + 1: glm reports NA for x2; the other coefficients are those of the model without it.
        var t = new CategoricalCovariate("t", [0, 1, 0, 1, 1, 0, 1, 0], ["A", "B"], 0);
        double[] x1 = [0.5, 1.2, -0.3, 2.0, 0.1, -1.0, 1.5, 0.7];
        var withBoth = LogisticRegression.Fit(t, [new NumericCovariate("x1", x1), new NumericCovariate("x2", x1.Select(v => 2 * v + 1).ToArray())]);
        var alone = LogisticRegression.Fit(t, [new NumericCovariate("x1", x1)]);
        Assert.Contains(withBoth.DroppedTerms, d => d.Variable == "x2" && d.Reason.Contains("collinear"));
        Approx.Equal(alone.Terms.Single(x => x.Variable == "x1").Coefficient, withBoth.Terms.Single(x => x.Variable == "x1").Coefficient, 1e-9, "x1");
    }
}
