namespace Pnen.Stats.Survival.Cox.Zph;

/// <summary>
/// The transformed time g(t) of every analysed row, as R's <c>cox.zph</c> computes <c>ttimes</c>:
/// over all rows, ignoring strata, on the fixed times of the fit.
/// </summary>
internal static class ZphTimeScale
{
    public static string Name(ZphTransform transform) => transform switch
    {
        ZphTransform.KaplanMeier => "km",
        ZphTransform.Rank => "rank",
        ZphTransform.Identity => "identity",
        ZphTransform.Log => "log",
        _ => throw new ArgumentOutOfRangeException(nameof(transform), transform, "not a zph transform"),
    };

    /// <summary>g(t) per row; null for log when an event happens at time 0 (log 0 is not finite).</summary>
    public static double[]? Apply(ZphTransform transform, double[] time, bool[] status) => transform switch
    {
        ZphTransform.KaplanMeier => OneMinusLeftKaplanMeier(time, status),
        ZphTransform.Rank => AverageRanks(time),
        ZphTransform.Identity => (double[])time.Clone(),
        ZphTransform.Log => Log(time, status),
        _ => throw new ArgumentOutOfRangeException(nameof(transform), transform, "not a zph transform"),
    };

    private static double[]? Log(double[] time, bool[] status)
    {
        var result = new double[time.Length];
        for (var i = 0; i < time.Length; i++)
        {
            if (status[i] && time[i] <= 0) return null;
            // A censored time 0 never carries a time weight (no event at that time), so its value is moot.
            result[i] = time[i] > 0 ? Math.Log(time[i]) : 0;
        }
        return result;
    }

    /// <summary>1 − S(t−): one minus the Kaplan-Meier survival just before each row's time, the
    /// "left continuous KM" of cox.zph (survfitKM on all rows, then findInterval(left.open = TRUE)).</summary>
    private static double[] OneMinusLeftKaplanMeier(double[] time, bool[] status)
    {
        var n = time.Length;
        var order = TimeOrder(time);
        var result = new double[n];
        var survival = 1.0; // S just before the current time
        var atRisk = n;
        var i = 0;
        while (i < n)
        {
            var t = time[order[i]];
            var deaths = 0;
            var j = i;
            for (; j < n && time[order[j]] == t; j++)
            {
                result[order[j]] = 1 - survival;
                if (status[order[j]]) deaths++;
            }
            survival *= 1 - (double)deaths / atRisk;
            atRisk -= j - i;
            i = j;
        }
        return result;
    }

    /// <summary>Rows by time. The fit's rows of an unstratified model come sorted already, and then
    /// nothing is sorted; the order within tied times does not matter to either transform.</summary>
    private static int[] TimeOrder(double[] time)
    {
        var order = Enumerable.Range(0, time.Length).ToArray();
        for (var i = 1; i < time.Length; i++)
        {
            if (time[i] < time[i - 1])
            {
                Array.Sort((double[])time.Clone(), order);
                break;
            }
        }
        return order;
    }

    /// <summary>R's rank(): ties get the mean of the ranks they span.</summary>
    private static double[] AverageRanks(double[] time)
    {
        var n = time.Length;
        var order = TimeOrder(time);
        var result = new double[n];
        var i = 0;
        while (i < n)
        {
            var j = i;
            while (j + 1 < n && time[order[j + 1]] == time[order[i]]) j++;
            var rank = (i + j + 2) / 2.0;
            for (var k = i; k <= j; k++) result[order[k]] = rank;
            i = j + 1;
        }
        return result;
    }
}
