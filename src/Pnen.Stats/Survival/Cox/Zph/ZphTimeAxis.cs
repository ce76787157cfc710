namespace Pnen.Stats.Survival.Cox.Zph;

/// <summary>
/// The time axis plot.cox.zph draws under a km or rank panel, whose x is not time itself: eight
/// points evenly spaced over the transformed range (the even points of a 17-point grid), mapped
/// back to time by linear interpolation between the events, rounded to 2 significant digits, then
/// placed at the transformed value of that rounded time. Identity and log panels use an ordinary
/// axis of time (log: drawn at exp(x) on a log scale), so they get no ticks here.
/// </summary>
internal static class ZphTimeAxis
{
    public static IReadOnlyList<ZphAxisTick> Ticks(ZphTransform transform, IReadOnlyList<double> transformed, IReadOnlyList<double> times)
    {
        if (transform is ZphTransform.Identity or ZphTransform.Log || transformed.Count < 2) return [];
        // R: indx <- !duplicated(xx); approx() then sorts the pairs by their x.
        var seen = new HashSet<double>();
        var pairs = new List<(double X, double Time)>();
        for (var i = 0; i < transformed.Count; i++)
        {
            if (seen.Add(transformed[i])) pairs.Add((transformed[i], times[i]));
        }
        var byX = pairs.OrderBy(p => p.X).ToArray();
        var byTime = pairs.OrderBy(p => p.Time).ToArray();
        var min = byX[0].X;
        var max = byX[^1].X;
        if (!(max > min)) return [];

        var ticks = new List<ZphAxisTick>();
        var by = (max - min) / 16;
        for (var k = 1; k <= 8; k++)
        {
            var at = min + (2 * k - 1) * by; // seq(min, max, length = 17)[2 * (1:8)]
            if (Interpolate(byX, p => p.X, p => p.Time, at) is not { } time) continue;
            var rounded = Signif(time, 2);
            if (Interpolate(byTime, p => p.Time, p => p.X, rounded) is { } position) ticks.Add(new ZphAxisTick(rounded, position));
        }
        return ticks;
    }

    /// <summary>R's approx(rule = 1): linear between neighbours, null outside the range.</summary>
    private static double? Interpolate((double X, double Time)[] sorted, Func<(double X, double Time), double> from, Func<(double X, double Time), double> to, double value)
    {
        if (value < from(sorted[0]) || value > from(sorted[^1])) return null;
        for (var i = 0; i < sorted.Length - 1; i++)
        {
            var (a, b) = (from(sorted[i]), from(sorted[i + 1]));
            if (value < a || value > b) continue;
            if (value == a) return to(sorted[i]);
            if (value == b) return to(sorted[i + 1]);
            return to(sorted[i]) + (to(sorted[i + 1]) - to(sorted[i])) * ((value - a) / (b - a));
        }
        return to(sorted[^1]);
    }

    /// <summary>R's signif(x, digits).</summary>
    private static double Signif(double x, int digits)
    {
        if (x == 0 || !double.IsFinite(x)) return x;
        var power = digits - (int)Math.Floor(Math.Log10(Math.Abs(x))) - 1;
        return power >= 0 ? Math.Round(x * Math.Pow(10, power)) / Math.Pow(10, power) : Math.Round(x / Math.Pow(10, -power)) * Math.Pow(10, -power);
    }
}
