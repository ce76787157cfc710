namespace Pnen.Stats.Survival.Cox;

/// <summary>
/// The rows of (start, stop] data in the order they leave the risk sets as a walk goes back in
/// time (by stratum, then start descending), each with its own copy of its start time, covariates
/// and risk. The rows arrive in stop order and leave in start order, which bear no relation to one
/// another: reading a leaving row where the design keeps it is a cache miss per row at registry
/// scale (the design is far larger than the cache), so the walk reads these copies in sequence
/// instead. The risks are gathered once per walk (<see cref="Gather"/>), in a loop whose loads do
/// not wait on one another; the rows' exposures are finished the same way (<see cref="Finish"/>).
/// </summary>
internal sealed class CoxLeavingRows
{
    private readonly int[] _order;

    /// <param name="x">Rows × columns, row-major, sorted by (stratum, stop).</param>
    public CoxLeavingRows(double[] x, int columns, double[] start, int[] strataStart)
    {
        _order = ByStartDescending(start, strataStart);
        var n = _order.Length;
        Start = new double[n];
        X = new double[n * columns + CoxLikelihoodPass.Padding]; // padded as the design is, for vector loads
        for (var k = 0; k < n; k++)
        {
            var row = _order[k];
            Start[k] = start[row];
            x.AsSpan(row * columns, columns).CopyTo(X.AsSpan(k * columns, columns));
        }
        Risk = new double[n];
        Exit = new int[n];
    }

    /// <summary>Start time of the k-th row to leave.</summary>
    public double[] Start { get; }

    /// <summary>Covariates of the k-th row to leave, row-major.</summary>
    public double[] X { get; }

    /// <summary>Risk of the k-th row to leave, as of the last <see cref="Gather"/>.</summary>
    public double[] Risk { get; }

    /// <summary>What the walk writes as the k-th row leaves: the exposure index at that point.</summary>
    public int[] Exit { get; }

    /// <summary>Copies each row's risk into leaving order.</summary>
    public void Gather(double[] risk)
    {
        for (var k = 0; k < _order.Length; k++) Risk[k] = risk[_order[k]];
    }

    /// <summary>Every row's exposure up to the index it left at.</summary>
    public void Finish(CoxExposure exposure)
    {
        for (var k = 0; k < _order.Length; k++) exposure.Finish(_order[k], Exit[k]);
    }

    /// <summary>Sorted positions ordered by (stratum, start descending).</summary>
    private static int[] ByStartDescending(double[] start, int[] strataStart)
    {
        // Each stratum's rows by −start, a radix sort of the bits (stable: equal entry times keep
        // their order by stop), where a comparison sort of doubles is several times slower.
        var order = new int[start.Length];
        for (var s = 0; s + 1 < strataStart.Length; s++)
        {
            var from = strataStart[s];
            var size = strataStart[s + 1] - from;
            var keys = new ulong[size];
            var rows = new int[size];
            for (var i = 0; i < size; i++)
            {
                keys[i] = DoubleRadixSort.Key(-start[from + i]);
                rows[i] = from + i;
            }
            var (_, sorted) = DoubleRadixSort.Sort(keys, rows);
            Array.Copy(sorted!, 0, order, from, size);
        }
        return order;
    }
}
