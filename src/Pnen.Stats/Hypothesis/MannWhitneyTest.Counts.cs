namespace Pnen.Stats.Hypothesis;

public static partial class MannWhitneyTest
{
    /// <summary>The test of the first group against the second from counts of distinct values
    /// (see <see cref="CountedSample"/>, two non-empty groups): the same W, and the same p by R's
    /// rule (exact below 50 values a group without ties, else the tie-corrected normal approximation).</summary>
    internal static MannWhitneyResult Test(CountedSample sample, bool? exact = null, bool continuityCorrection = true)
    {
        if (sample.GroupCount != 2) throw new ArgumentException("the rank-sum test compares two non-empty groups", nameof(sample));
        var (nx, ny) = (checked((int)sample.Counts[0]), checked((int)sample.Counts[1]));
        var (rankSums, ties) = sample.RankSums();
        return FromRankSum(rankSums[0], nx, ny, ties, exact, continuityCorrection);
    }
}
