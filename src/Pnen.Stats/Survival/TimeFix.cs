namespace Pnen.Stats.Survival;

/// <summary>
/// Treats times that differ only by floating-point noise as tied, as R's <c>aeqSurv</c> does:
/// sorted distinct times closer than 1.49e-8 (absolutely, or relative to their mean absolute
/// value) join the group of the smallest one, and take its value. Without this, 0.1 + 0.2 and
/// 0.3 would be two risk sets and results would differ from R.
/// </summary>
public static class TimeFix
{
    /// <summary>sqrt(machine epsilon), the tolerance of R's all.equal.</summary>
    public const double Tolerance = 1.4901161193847656e-8;

    /// <summary>Returns the times with near-ties merged; the input itself when there are none.</summary>
    public static double[] Apply(double[] times)
    {
        if (times.Length < 2) return times;
        var sorted = SortedCopy(times);
        var distinct = 0;
        var sumAbs = 0.0;
        for (var i = 0; i < sorted.Length; i++)
        {
            if (i > 0 && sorted[i] == sorted[distinct - 1]) continue;
            sorted[distinct++] = sorted[i];
            sumAbs += Math.Abs(sorted[i]);
        }
        if (distinct < 2) return times;

        var meanAbs = sumAbs / distinct;
        var cuts = new double[distinct];
        var cutCount = 0;
        var anyTied = false;
        cuts[cutCount++] = sorted[0];
        for (var i = 1; i < distinct; i++)
        {
            var gap = sorted[i] - sorted[i - 1];
            if (gap <= Tolerance || gap / meanAbs <= Tolerance)
            {
                anyTied = true;
                continue;
            }
            cuts[cutCount++] = sorted[i];
        }
        if (!anyTied) return times;

        var fixedTimes = new double[times.Length];
        for (var i = 0; i < times.Length; i++)
        {
            // The largest cut not above the time, as findInterval does.
            var at = Array.BinarySearch(cuts, 0, cutCount, times[i]);
            fixedTimes[i] = at >= 0 ? cuts[at] : cuts[~at - 1];
        }
        return fixedTimes;
    }

    /// <summary>The times in ascending order: a radix sort of their bits (entry and exit times of
    /// counting-process data are two million values at a million rows), a comparison sort only when
    /// a value is NaN.</summary>
    private static double[] SortedCopy(double[] times)
    {
        if (!Array.Exists(times, double.IsNaN)) return DoubleRadixSort.SortedCopy(times);
        var copy = (double[])times.Clone();
        Array.Sort(copy);
        return copy;
    }
}
