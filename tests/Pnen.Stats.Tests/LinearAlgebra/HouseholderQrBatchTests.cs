using Pnen.Stats.LinearAlgebra;

namespace Pnen.Stats.Tests.LinearAlgebra;

/// <summary>
/// Least squares of several y at once (the cox.zph smooths share one factorisation): each y's
/// coefficients are those of a straight line it was built from (a hand derivation: y = a + b·t
/// lies in the column space of [1, t], so least squares returns a and b), and bit for bit those of
/// the one-y solve, in a full SIMD group of y and in a partial one.
/// </summary>
public class HouseholderQrBatchTests
{
    [Fact]
    public void EachYGetsItsOwnLineAndTheOneAtATimeNumbers()
    {
        const int n = 7;
        var matrix = new double[n * 2];
        for (var i = 0; i < n; i++) (matrix[i * 2], matrix[i * 2 + 1]) = (1, i * 0.5);
        var qr = HouseholderQr.Factor(matrix, n, 2)!;
        var lines = new (double A, double B)[] { (1, 2), (-3, 0.25), (0, 0), (10, -4), (2.5, 1), (-1, -1) };
        var ys = lines.Select(l => Enumerable.Range(0, n).Select(i => l.A + l.B * (i * 0.5)).ToArray()).ToArray();

        var batch = qr.Coefficients(ys);

        Assert.Equal(lines.Length, batch.Length);
        for (var k = 0; k < lines.Length; k++)
        {
            Assert.Equal(lines[k].A, batch[k][0], 1e-12);
            Assert.Equal(lines[k].B, batch[k][1], 1e-12);
            Assert.Equal(qr.Coefficients(ys[k].AsSpan()), batch[k]);
        }
    }
}
