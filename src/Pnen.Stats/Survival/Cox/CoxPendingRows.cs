namespace Pnen.Stats.Survival.Cox;

/// <summary>
/// Rows on their way into one set of running sums (Σ risk·x and Σ risk·x x'), added four at a
/// time (<see cref="CoxRowSums.Add4"/>): the same additions in the same order as one row at a
/// time, with the running matrix loaded and stored once per four rows. The sums are complete only
/// after <see cref="Flush"/>.
/// </summary>
internal struct CoxPendingRows(double[] a, double[] cmat, double[] x, int p, int stride)
{
    private int _count;
    private int _row0, _row1, _row2;
    private double _r0, _r1, _r2;

    /// <summary>Adds the row starting at x[row] with weight r (now or with the next three).</summary>
    public void Push(int row, double r)
    {
        switch (_count)
        {
            case 0: (_row0, _r0, _count) = (row, r, 1); return;
            case 1: (_row1, _r1, _count) = (row, r, 2); return;
            case 2: (_row2, _r2, _count) = (row, r, 3); return;
        }
        CoxRowSums.Add4(a, cmat, x, p, stride, _row0, _r0, _row1, _r1, _row2, _r2, row, r);
        _count = 0;
    }

    /// <summary>Adds the rows still waiting, in order.</summary>
    public void Flush()
    {
        if (_count > 0) CoxRowSums.Add(a, cmat, x, _row0, p, stride, _r0);
        if (_count > 1) CoxRowSums.Add(a, cmat, x, _row1, p, stride, _r1);
        if (_count > 2) CoxRowSums.Add(a, cmat, x, _row2, p, stride, _r2);
        _count = 0;
    }
}
