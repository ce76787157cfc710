namespace Pnen.Stats.Balance;

/// <summary>
/// One column's sums in every treatment group at once, for <see cref="BalanceTable"/>: the count, sum,
/// weighted sum and weight total of each group in one pass over the rows, the squared deviations from
/// each group's mean in a second. Each group's sums add its rows in row order, so they are the sums a
/// pass per group would give, in two passes instead of three per group.
/// </summary>
internal sealed class GroupSums
{
    private GroupSums(int groups)
    {
        Count = new int[groups];
        Sum = new double[groups];
        Weighted = new double[groups];
        WeightSum = new double[groups];
        Variance = new double[groups];
    }

    public int[] Count { get; }

    public double[] Sum { get; }

    /// <summary>Σ w·x over the group.</summary>
    public double[] Weighted { get; }

    public double[] WeightSum { get; }

    /// <summary>The unweighted variance of x in each group: p(1 − p)·span² for a binary column (p on
    /// the 0/1 scale, span the column's range over every group), the sample variance otherwise (NaN for
    /// an empty group, and for a group of one unless binary, as R's var).</summary>
    public double[] Variance { get; }

    /// <param name="arm">The group of each row; a row outside 0..groups-1 is in none.</param>
    public static GroupSums Of(double[] x, int[] arm, int groups, double[] weights, bool binary)
    {
        var sums = new GroupSums(groups);
        var count = sums.Count;
        var sum = sums.Sum;
        var weighted = sums.Weighted;
        var weightSum = sums.WeightSum;
        for (var i = 0; i < x.Length; i++)
        {
            var g = arm[i];
            if ((uint)g >= (uint)groups) continue;
            sum[g] += x[i];
            count[g]++;
            weighted[g] += weights[i] * x[i];
            weightSum[g] += weights[i];
        }

        var mean = new double[groups];
        for (var g = 0; g < groups; g++) mean[g] = count[g] == 0 ? double.NaN : sum[g] / count[g];
        if (binary && x.Length > 0)
        {
            var lo = x.Min();
            var span = x.Max() - lo;
            for (var g = 0; g < groups; g++)
            {
                var p = (mean[g] - lo) / span;
                sums.Variance[g] = count[g] == 0 ? double.NaN : span * span * p * (1 - p);
            }
            return sums;
        }

        var squares = new double[groups];
        for (var i = 0; i < x.Length; i++)
        {
            var g = arm[i];
            if ((uint)g >= (uint)groups) continue;
            var deviation = x[i] - mean[g];
            squares[g] += deviation * deviation;
        }
        for (var g = 0; g < groups; g++) sums.Variance[g] = count[g] < 2 || binary ? double.NaN : squares[g] / (count[g] - 1);
        return sums;
    }
}
