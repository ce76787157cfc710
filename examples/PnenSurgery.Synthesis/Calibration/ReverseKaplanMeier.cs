namespace PnenSurgery.Synthesis.Calibration;

/// <summary>
/// A fast median of follow-up (reverse Kaplan-Meier: censoring is the event) for the bisection
/// inside the calibration, which needs it thousands of times per seed. It takes the first time
/// the curve reaches 0.5 or below, without print(survfit)'s averaging when the curve sits at
/// exactly 0.5; the reported follow-up is always recomputed by the engine.
/// </summary>
public static class ReverseKaplanMeier
{
    public static double Median(double[] time, bool[] died)
    {
        var n = time.Length;
        var order = new int[n];
        var keys = new double[n];
        for (var i = 0; i < n; i++)
        {
            order[i] = i;
            keys[i] = time[i];
        }
        Array.Sort(keys, order);
        var atRisk = n;
        var survival = 1.0;
        var r = 0;
        while (r < n)
        {
            var t = keys[r];
            var censored = 0;
            var leaving = 0;
            for (; r < n && keys[r] == t; r++)
            {
                leaving++;
                if (!died[order[r]]) censored++;
            }
            if (censored > 0)
            {
                survival *= (double)(atRisk - censored) / atRisk;
                if (survival <= 0.5) return t;
            }
            atRisk -= leaving;
        }
        return double.PositiveInfinity;
    }
}
