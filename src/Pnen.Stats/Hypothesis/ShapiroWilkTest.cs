using System.Globalization;
using Pnen.Stats.Distributions;

namespace Pnen.Stats.Hypothesis;

/// <summary>
/// The Shapiro-Wilk test of normality, Royston's 1995 algorithm AS R94 exactly as R's
/// <c>shapiro.test</c> (swilk.c): coefficients from Royston's polynomial approximations, W as the
/// squared correlation of the ordered data with them, and the p-value from Royston's normalising
/// transformation (exact for n = 3). Defined for 3 ≤ n ≤ 5000 non-missing values that are not all
/// equal; otherwise the result has no statistic and says why.
/// </summary>
// Hand-written: MathNet.Numerics has no Shapiro-Wilk test; R-exactness needs AS R94 as swilk.c has it.
public static class ShapiroWilkTest
{
    public const int MinimumN = 3;
    public const int MaximumN = 5000;
    private const string Method = "Shapiro-Wilk normality test";

    private static readonly double[] C1 = [0.0, 0.221157, -0.147981, -2.07119, 4.434685, -2.706056];
    private static readonly double[] C2 = [0.0, 0.042981, -0.293762, -1.752461, 5.682633, -3.582633];
    private static readonly double[] C3 = [0.544, -0.39978, 0.025054, -6.714e-4];
    private static readonly double[] C4 = [1.3822, -0.77857, 0.062767, -0.0020322];
    private static readonly double[] C5 = [-1.5861, -0.31082, -0.083751, 0.0038915];
    private static readonly double[] C6 = [-0.4803, -0.082676, 0.0030302];
    private static readonly double[] G = [-2.273, 0.459];

    /// <summary>The undefined test of n values, too few or too many, saying so.</summary>
    internal static TestResult OutOfRange(long n) => new()
    {
        Method = Method,
        StatisticName = "W",
        N = (int)Math.Min(n, int.MaxValue),
        Warnings = [string.Create(CultureInfo.InvariantCulture, $"Shapiro-Wilk needs {MinimumN} to {MaximumN} values; there are {n}")],
    };

    /// <summary>Tests the non-missing (non-NaN) values.</summary>
    public static TestResult Test(ReadOnlySpan<double> values)
    {
        var n = 0;
        foreach (var v in values)
        {
            if (double.IsInfinity(v)) throw new ArgumentException("values must be finite (NaN marks a missing value)", nameof(values));
            if (!double.IsNaN(v)) n++;
        }
        // Counted before anything is copied or sorted: a Table 1 row of a million values asks only to hear it is out of range.
        if (n < MinimumN || n > MaximumN) return OutOfRange(n);
        var result = new TestResult { Method = Method, StatisticName = "W", N = n };
        var x = new double[n];
        var at = 0;
        foreach (var v in values)
            if (!double.IsNaN(v)) x[at++] = v;
        Array.Sort(x);
        var range = x[n - 1] - x[0];
        if (range == 0) return result with { Warnings = ["all values are identical"] };
        if (range < 1e-10)
        {
            // As R: rescale a tiny range so the algorithm's own zero-range guard does not trip.
            for (var i = 0; i < n; i++) x[i] /= range;
        }
        var (w, p) = Swilk(x);
        return result with { Statistic = w, P = p };
    }

    /// <summary>AS R94 on sorted data (1-based coefficient array as in the original).</summary>
    private static (double W, double P) Swilk(double[] x)
    {
        var n = x.Length;
        var an = (double)n;
        var nn2 = n / 2;
        var a = new double[nn2 + 1];
        if (n == 3)
        {
            a[1] = 0.70710678; // sqrt(1/2) to the precision AS R94 uses
        }
        else
        {
            var an25 = an + 0.25;
            var summ2 = 0.0;
            for (var i = 1; i <= nn2; i++)
            {
                a[i] = Normal.Quantile((i - 0.375) / an25);
                summ2 += a[i] * a[i];
            }
            summ2 *= 2;
            var ssumm2 = Math.Sqrt(summ2);
            var rsn = 1 / Math.Sqrt(an);
            var a1 = Poly(C1, rsn) - a[1] / ssumm2;
            int i1;
            double fac;
            if (n > 5)
            {
                i1 = 3;
                var a2 = -a[2] / ssumm2 + Poly(C2, rsn);
                fac = Math.Sqrt((summ2 - 2 * (a[1] * a[1]) - 2 * (a[2] * a[2])) / (1 - 2 * (a1 * a1) - 2 * (a2 * a2)));
                a[2] = a2;
            }
            else
            {
                i1 = 2;
                fac = Math.Sqrt((summ2 - 2 * (a[1] * a[1])) / (1 - 2 * (a1 * a1)));
            }
            a[1] = a1;
            for (var i = i1; i <= nn2; i++) a[i] /= -fac;
        }

        var range = x[n - 1] - x[0];
        var sx = x[0] / range;
        var sa = -a[1];
        for (int i = 1, j = n - 1; i < n; j--)
        {
            sx += x[i] / range;
            i++;
            if (i != j) sa += Math.Sign(i - j) * a[Math.Min(i, j)];
        }
        sa /= n;
        sx /= n;
        double ssa = 0, ssx = 0, sax = 0;
        for (int i = 0, j = n - 1; i < n; i++, j--)
        {
            var asa = i != j ? Math.Sign(i - j) * a[1 + Math.Min(i, j)] - sa : -sa;
            var xsx = x[i] / range - sx;
            ssa += asa * asa;
            ssx += xsx * xsx;
            sax += asa * xsx;
        }
        // 1 − W computed directly, which keeps its digits when W is very close to 1.
        var ssassx = Math.Sqrt(ssa * ssx);
        var w1 = (ssassx - sax) * (ssassx + sax) / (ssa * ssx);
        var w = 1 - w1;

        if (n == 3)
        {
            const double pi6 = 1.90985931710274; // 6 / pi
            const double stqr = 1.04719755119660; // asin(sqrt(3/4))
            return (w, Math.Max(0, pi6 * (Math.Asin(Math.Sqrt(w)) - stqr)));
        }
        var y = Math.Log(w1);
        var lxx = Math.Log(an);
        double m, s;
        if (n <= 11)
        {
            var gamma = Poly(G, an);
            if (y >= gamma) return (w, 1e-99); // AS R94's value for W beyond the approximation's range
            y = -Math.Log(gamma - y);
            m = Poly(C3, an);
            s = Math.Exp(Poly(C4, an));
        }
        else
        {
            m = Poly(C5, lxx);
            s = Math.Exp(Poly(C6, lxx));
        }
        return (w, Normal.UpperTail((y - m) / s));
    }

    /// <summary>AS 181.2: c[0] + c[1]·x + … evaluated as in the original (same rounding).</summary>
    private static double Poly(double[] c, double x)
    {
        var result = c[0];
        if (c.Length > 1)
        {
            var p = x * c[^1];
            for (var j = c.Length - 2; j > 0; j--) p = (p + c[j]) * x;
            result += p;
        }
        return result;
    }
}
