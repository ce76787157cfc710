namespace Pnen.Stats.Survival.Cox;

/// <summary>
/// Each row's exposure in one walk of <see cref="CoxRiskSets"/>: the sum of the weights given to
/// the death times it was at risk at. The walk goes back in time, so the weights arrive latest
/// first; a row's sum is taken once the walk is over, from running sums that start at each
/// stratum's earliest death time. Late death times have the small risk sets and so the large
/// weights: summing from the other end, or subtracting a row's entry total from its exit total as
/// the walk goes, would leave early rows a small difference of large sums (most of their digits
/// lost when a coefficient runs off towards infinity). Here a row's exposure is the difference of
/// two of these sums, which hold only the weights from its entry back to the stratum's earliest
/// death time (0 for a row still at risk there): no more cancellation than agfit4's own removal
/// of a row.
/// </summary>
internal sealed class CoxExposure(double[] values)
{
    private readonly int[] _entered = new int[values.Length]; // per row: index of its first death time
    private readonly List<double> _weights = [];
    private readonly List<int> _ends = []; // index of each closed stratum's end (weight 0, sum 0)
    private double[] _sums = [];

    /// <summary>The index the next death time gets (the exit index of a row leaving now).</summary>
    public int Next => _weights.Count;

    public void Begin()
    {
        _weights.Clear();
        _ends.Clear();
    }

    /// <summary>The row joins the risk set before the next death time; its exposure starts at 0
    /// (the caller may adjust it during the walk, the sum is added at the end).</summary>
    public void Enter(int row)
    {
        _entered[row] = _weights.Count;
        values[row] = 0;
    }

    /// <summary>The weight of the death time just passed.</summary>
    public void Add(double weight) => _weights.Add(weight);

    /// <summary>The walk leaves a stratum: returns the exit index of the rows still at risk.</summary>
    public int CloseStratum()
    {
        var end = _weights.Count;
        _weights.Add(0);
        _ends.Add(end);
        return end;
    }

    /// <summary>After the walk: the running sums from each stratum's earliest death time up.</summary>
    public void Seal()
    {
        var count = _weights.Count;
        if (_sums.Length < count + 1) _sums = new double[count + 1];
        var nextEnd = _ends.Count - 1;
        var sum = 0.0;
        for (var k = count - 1; k >= 0; k--)
        {
            if (nextEnd >= 0 && _ends[nextEnd] == k)
            {
                sum = 0;
                nextEnd--;
            }
            else
            {
                sum += _weights[k];
            }
            _sums[k] = sum;
        }
    }

    /// <summary>values[row] += the weights of the death times from its entry to <paramref name="exit"/> (after <see cref="Seal"/>).</summary>
    public void Finish(int row, int exit) => values[row] += _sums[_entered[row]] - _sums[exit];
}
