using Pnen.Stats.Distributions;

namespace Pnen.Stats.Hypothesis;

/// <summary>
/// Two-sample t-tests of equal means, two-sided, as R's <c>t.test(x, y)</c>: Student's with a pooled
/// variance (<c>var.equal = TRUE</c>) and Welch's with Satterthwaite's degrees of freedom (R's
/// default). As R, a standard error below 10·ε·max(|mean x|, |mean y|) means the data are
/// essentially constant and no test is made.
/// </summary>
public static class TTest
{
    private const double MachineEpsilon = 2.220446049250313e-16;

    /// <summary>Student's t-test (pooled variance, df = n_x + n_y − 2).</summary>
    public static TTestResult Student(ReadOnlySpan<double> x, ReadOnlySpan<double> y) => Compute(x, y, pooled: true);

    /// <summary>Welch's t-test (unequal variances, Satterthwaite df).</summary>
    public static TTestResult Welch(ReadOnlySpan<double> x, ReadOnlySpan<double> y) => Compute(x, y, pooled: false);

    private static TTestResult Compute(ReadOnlySpan<double> x, ReadOnlySpan<double> y, bool pooled)
    {
        var (nx, mx, vx) = Moments(x);
        var (ny, my, vy) = Moments(y);
        var result = new TTestResult
        {
            Method = pooled ? "Two Sample t-test" : "Welch Two Sample t-test",
            StatisticName = "t",
            N = nx + ny,
            MeanX = nx > 0 ? mx : null,
            MeanY = ny > 0 ? my : null,
        };
        var minimum = pooled ? 1 : 2;
        if (nx < minimum || ny < minimum || (pooled && nx + ny < 3))
            return result with { Warnings = [pooled ? "not enough observations: each sample needs one value and together three" : "not enough observations: each sample needs two values"] };

        double se, df;
        if (pooled)
        {
            df = nx + ny - 2;
            var pooledVariance = ((nx > 1 ? (nx - 1) * vx : 0) + (ny > 1 ? (ny - 1) * vy : 0)) / df;
            se = Math.Sqrt(pooledVariance * (1.0 / nx + 1.0 / ny));
        }
        else
        {
            double sex = vx / nx, sey = vy / ny;
            se = Math.Sqrt(sex + sey);
            df = (sex + sey) * (sex + sey) / (sex * sex / (nx - 1) + sey * sey / (ny - 1));
        }
        if (se == 0 || se < 10 * MachineEpsilon * Math.Max(Math.Abs(mx), Math.Abs(my)))
            return result with { Warnings = ["data are essentially constant"] };
        var t = (mx - my) / se;
        return result with { Statistic = t, DegreesOfFreedom = df, P = StudentT.TwoSidedP(t, df), StandardError = se };
    }

    private static (int N, double Mean, double Variance) Moments(ReadOnlySpan<double> values)
    {
        int n = 0;
        var sum = 0.0;
        foreach (var v in values)
        {
            if (double.IsInfinity(v)) throw new ArgumentException("values must be finite (NaN marks a missing value)");
            if (double.IsNaN(v)) continue;
            n++;
            sum += v;
        }
        if (n == 0) return (0, 0, 0);
        var mean = sum / n;
        // R's mean adds back the rounding error of the sum (it sums in long double); without it two
        // samples with the same mean can differ by an ulp and give t = 1e-15 instead of 0.
        var correction = 0.0;
        foreach (var v in values)
            if (!double.IsNaN(v)) correction += v - mean;
        mean += correction / n;
        var ss = 0.0;
        foreach (var v in values)
            if (!double.IsNaN(v)) ss += (v - mean) * (v - mean);
        return (n, mean, n > 1 ? ss / (n - 1) : 0); // a single value's variance is never used
    }
}
