using System.Runtime.ExceptionServices;
using Pnen.Stats.Regression;
using Pnen.Stats.Survival.Cox;

namespace Pnen.Stats.Balance;

/// <summary>
/// Standardised differences before and after weighting, in cobalt's convention (col_w_smd and
/// bal.tab with s.d.denom = "pooled"; cobalt R/balance-summary.R, R/utils.R col.w.v,
/// R/functions_for_processing.R .compute_s.d.denom, R/class-bal.tab.multi.R):
/// <list type="bullet">
/// <item>a numeric covariate is one row (its mean), a categorical one a row per level (its proportion);</item>
/// <item>numerator: the difference in means, each level against the reference, weighted after;</item>
/// <item>denominator, the same before and after: the square root of the mean over ALL treatment
/// groups of the UNWEIGHTED within-group variance (for two groups √((s₁² + s₀²)/2); for three or
/// more cobalt also averages over every group, not just the pair compared). A binary column (an
/// indicator, or a numeric column with two distinct values) has variance p(1 − p) on the 0/1 scale
/// (times the squared distance of its two values), any other the sample variance (n − 1);</item>
/// <item>a difference below √ε is 0 and is not divided (cobalt's check_if_zero).</item>
/// </list>
/// </summary>
public static class BalanceTable
{
    private static readonly double Zero = Math.Sqrt(Math.Pow(2, -52));

    /// <summary>Balance over the rows a propensity model analysed, with their weights.</summary>
    public static IReadOnlyList<BalanceRow> Compute(LogitFit fit, CategoricalCovariate treatment, IReadOnlyList<CoxCovariate> covariates, IReadOnlyList<double> weights) =>
        Compute(fit.Rows, treatment.Codes, fit.Levels, fit.Reference, covariates, weights);

    /// <param name="rows">The input rows to compare (complete in treatment and covariates).</param>
    /// <param name="treatment">Level codes of every input row.</param>
    /// <param name="weights">One weight per entry of <paramref name="rows"/>.</param>
    public static IReadOnlyList<BalanceRow> Compute(IReadOnlyList<int> rows, IReadOnlyList<int> treatment, IReadOnlyList<string> levels, int reference,
        IReadOnlyList<CoxCovariate> covariates, IReadOnlyList<double> weights)
    {
        if (weights.Count != rows.Count) throw new ArgumentException($"{rows.Count} rows need as many weights, not {weights.Count}", nameof(weights));
        // Arrays once, so the passes below over a million rows index arrays, not interfaces.
        var rowArray = rows as int[] ?? rows.ToArray();
        var weightArray = weights as double[] ?? weights.ToArray();
        var arm = new int[rowArray.Length];
        for (var i = 0; i < arm.Length; i++) arm[i] = treatment[rowArray[i]];
        // Every input row compared (no row left out): a numeric column is its own values, not a copy.
        var identity = rowArray.Length == treatment.Count && IsIdentity(rowArray);
        foreach (var covariate in covariates)
        {
            if (covariate is not (NumericCovariate or CategoricalCovariate)) throw new ArgumentException($"unsupported covariate type {covariate.GetType().Name}", nameof(covariates));
        }
        // Each covariate's rows on its own (its sums in row order, as one core would add them), two
        // covariates at a time; the rows are then listed in covariate order.
        var perCovariate = new List<BalanceRow>[covariates.Count];
        try
        {
            Parallel.For(0, covariates.Count, new ParallelOptions { MaxDegreeOfParallelism = 2 }, c => perCovariate[c] = Rows(covariates[c]));
        }
        catch (AggregateException e) when (e.InnerExceptions.Count == 1)
        {
            // The caller sees the exception one core would have thrown, not the parallel loop's wrapper.
            ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
        }
        return perCovariate.SelectMany(r => r).ToList();

        List<BalanceRow> Rows(CoxCovariate covariate)
        {
            var rowsOfCovariate = new List<BalanceRow>();
            switch (covariate)
            {
                case NumericCovariate num:
                    var own = identity && num.Values.Length == rowArray.Length;
                    var values = own ? num.Values : new double[rowArray.Length];
                    if (!own)
                    {
                        for (var i = 0; i < values.Length; i++) values[i] = num.Values[rowArray[i]];
                    }
                    Add(rowsOfCovariate, num.Name, null, values, HasTwoValues(values), arm, levels, reference, weightArray);
                    break;
                case CategoricalCovariate cat:
                    for (var level = 0; level < cat.Levels.Count; level++)
                    {
                        var indicator = new double[rowArray.Length];
                        for (var i = 0; i < indicator.Length; i++) indicator[i] = cat.Codes[rowArray[i]] == level ? 1.0 : 0.0;
                        Add(rowsOfCovariate, cat.Name, cat.Levels[level], indicator, true, arm, levels, reference, weightArray);
                    }
                    break;
            }
            return rowsOfCovariate;
        }
    }

    private static bool IsIdentity(int[] rows)
    {
        for (var i = 0; i < rows.Length; i++)
        {
            if (rows[i] != i) return false;
        }
        return true;
    }

    /// <summary>Exactly two distinct values (as Distinct().Count() == 2 decides equality), found in
    /// one pass that stops at a third, not a hash set of a million values.</summary>
    private static bool HasTwoValues(double[] x)
    {
        if (x.Length == 0) return false;
        var first = x[0];
        double? second = null;
        foreach (var v in x)
        {
            if (v.Equals(first)) continue;
            if (second is null) second = v;
            else if (!v.Equals(second.Value)) return false;
        }
        return second is not null;
    }

    private static void Add(List<BalanceRow> result, string variable, string? level, double[] x, bool binary, int[] arm,
        IReadOnlyList<string> levels, int reference, double[] weights)
    {
        var k = levels.Count;
        var groups = GroupSums.Of(x, arm, k, weights, binary);
        var denominator = Math.Sqrt(Enumerable.Range(0, k).Average(g => groups.Variance[g]));
        var before = new double[k];
        var after = new double?[k];
        for (var g = 0; g < k; g++)
        {
            before[g] = groups.Count[g] > 0 ? groups.Sum[g] / groups.Count[g] : double.NaN;
            after[g] = groups.WeightSum[g] > 0 ? groups.Weighted[g] / groups.WeightSum[g] : null;
        }
        for (var g = 0; g < k; g++)
        {
            if (g == reference) continue;
            var smdAfter = after[g] is { } a && after[reference] is { } r ? Standardise(a - r, denominator) : null;
            result.Add(new BalanceRow(variable, level, levels[g], before[g], before[reference], after[g], after[reference],
                Standardise(before[g] - before[reference], denominator), smdAfter));
        }
    }

    private static double? Standardise(double difference, double denominator)
    {
        if (double.IsNaN(difference)) return null;
        if (Math.Abs(difference) < Zero) return 0;
        var smd = difference / denominator;
        return double.IsFinite(smd) ? smd : null;
    }
}
