using System.Numerics;
using Pnen.Stats.Survival.Cox;

namespace Pnen.Stats.Tests.Survival.Cox;

/// <summary>
/// Rows added four at a time must leave the running sums exactly as adding them one at a time does
/// (the walk's results are compared with R to 1e-9, but a changed bit would move every fit's last
/// digits): each cell is compared to the last bit with the textbook loop written out below
/// (a_i += r·x_i; cmat_ij += (r·x_i)·x_j for j ≤ i, rows in order), for row counts that leave 0 to 3
/// rows waiting, and one column (a vector wider than the row).
/// </summary>
public class CoxPendingRowsTests
{
    [Theory]
    [InlineData(1, 3)]
    [InlineData(4, 1)]
    [InlineData(5, 10)]
    [InlineData(7, 7)]
    [InlineData(13, 4)]
    public void FourAtATimeEqualsOneAtATimeBitForBit(int n, int p)
    {
        var random = new Random(20261203 + 31 * n + p);
        var x = new double[n * p + CoxLikelihoodPass.Padding];
        for (var i = 0; i < n * p; i++) x[i] = random.NextDouble() * 6 - 3;
        var r = new double[n];
        for (var i = 0; i < n; i++) r[i] = Math.Exp(random.NextDouble() * 4 - 2);
        var stride = (p + Vector<double>.Count - 1) / Vector<double>.Count * Vector<double>.Count;

        var a = new double[p];
        var cmat = new double[p * stride];
        var pending = new CoxPendingRows(a, cmat, x, p, stride);
        for (var row = 0; row < n; row++) pending.Push(row * p, r[row]);
        pending.Flush();

        var expectedA = new double[p];
        var expectedC = new double[p * p];
        for (var row = 0; row < n; row++)
        {
            for (var i = 0; i < p; i++)
            {
                var xi = r[row] * x[row * p + i];
                expectedA[i] += xi;
                for (var j = 0; j <= i; j++) expectedC[i * p + j] += xi * x[row * p + j];
            }
        }
        for (var i = 0; i < p; i++)
        {
            Assert.Equal(BitConverter.DoubleToInt64Bits(expectedA[i]), BitConverter.DoubleToInt64Bits(a[i]));
            for (var j = 0; j <= i; j++)
            {
                Assert.Equal(BitConverter.DoubleToInt64Bits(expectedC[i * p + j]), BitConverter.DoubleToInt64Bits(cmat[i * stride + j]));
            }
        }
    }
}
