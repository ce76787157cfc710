namespace Pnen.Benchmarks.Harness;

/// <summary>The least-squares slope of log(time) on log(n): 1 is linear, 2 quadratic.</summary>
internal static class LogLogFit
{
    public static double Slope(IReadOnlyList<(double N, double Milliseconds)> points)
    {
        var count = points.Count;
        if (count < 2) return double.NaN;
        double sx = 0, sy = 0, sxx = 0, sxy = 0;
        foreach (var (n, ms) in points)
        {
            var x = Math.Log(n);
            var y = Math.Log(Math.Max(ms, 1e-6));
            sx += x;
            sy += y;
            sxx += x * x;
            sxy += x * y;
        }
        return (count * sxy - sx * sy) / (count * sxx - sx * sx);
    }
}
