using System.Numerics;

namespace Pnen.Stats.Survival.Cox;

/// <summary>
/// Σ c_r·x_r x_r' over the rows of a design: the part of the information that is linear in the
/// risk sets' second moments, once each row's weight c_r is known (<see cref="CoxCountingPass"/>).
/// Rows are added four at a time, a SIMD vector of columns at a time (<see cref="CoxPendingRows"/>); at registry
/// scale in two fixed halves on two cores, whose sums are added in the same order on any machine.
/// </summary>
internal sealed class CoxWeightedCrossProduct
{
    // Below this many rows a second thread costs more than it saves.
    private const int ParallelRows = 1 << 15;

    private readonly double[] _x;
    private readonly int _n;
    private readonly int _p;
    private readonly int _stride;
    private readonly double[] _first;
    private readonly double[] _second;
    private readonly double[] _firstScratch;
    private readonly double[] _secondScratch;

    /// <param name="x">Rows × columns, row-major, with <see cref="CoxLikelihoodPass.Padding"/> values after its last row.</param>
    public CoxWeightedCrossProduct(double[] x, int rows, int columns)
    {
        if (x.Length < (long)rows * columns + CoxLikelihoodPass.Padding) throw new ArgumentException("the matrix needs Padding values after its last row", nameof(x));
        var width = Vector<double>.Count;
        _x = x;
        _n = rows;
        _p = columns;
        _stride = (columns + width - 1) / width * width;
        _first = new double[columns * _stride];
        _second = new double[columns * _stride];
        _firstScratch = new double[columns];
        _secondScratch = new double[columns];
    }

    /// <summary>Adds Σ c_r·x_r x_r' to the upper triangle of <paramref name="imat"/> ([j, i], j ≤ i, at j·p + i).</summary>
    public void AddTo(double[] weights, double[] imat)
    {
        if (_n < ParallelRows)
        {
            Sum(weights, 0, _n, _first, _firstScratch);
            Array.Clear(_second);
        }
        else
        {
            var half = _n / 2;
            Parallel.Invoke(
                () => Sum(weights, 0, half, _first, _firstScratch),
                () => Sum(weights, half, _n, _second, _secondScratch));
        }
        var p = _p;
        for (var i = 0; i < p; i++)
        {
            for (var j = 0; j <= i; j++) imat[j * p + i] += _first[i * _stride + j] + _second[i * _stride + j];
        }
    }

    private void Sum(double[] weights, int from, int to, double[] cmat, double[] scratch)
    {
        Array.Clear(cmat);
        var rows = new CoxPendingRows(scratch, cmat, _x, _p, _stride);
        for (var r = from; r < to; r++)
        {
            var c = weights[r];
            if (c != 0) rows.Push(r * _p, c);
        }
        rows.Flush();
    }
}
