using Pnen.Stats.Distributions;
using Pnen.Stats.Survival.Cox;

namespace Pnen.Dsl.Execution;

/// <summary>The likelihood-ratio test of nested Cox models fitted to the same records, as R's
/// <c>anova(fit0, fit1)</c>: twice the gain in log partial likelihood on the coefficients the larger
/// model estimates beyond the smaller.</summary>
internal static class LikelihoodRatio
{
    public static TestResult Test(CoxResult full, CoxResult reduced)
    {
        var df = full.Terms.Count - reduced.Terms.Count;
        if (df <= 0) return new TestResult(TestKind.LikelihoodRatio, null, 0, null);
        var chiSquare = Math.Max(0, 2 * (full.LogLikelihoodEnd - reduced.LogLikelihoodEnd));
        return new TestResult(TestKind.LikelihoodRatio, chiSquare, df, ChiSquared.UpperTail(chiSquare, df));
    }
}
