using Pnen.Stats.Survival.Cox;

namespace Pnen.Stats.Survival.Standardization;

/// <summary>
/// The cumulative baseline hazard of a fitted Cox model as survfit.coxph computes it (R survival
/// agsurv.R and agsurv5.c): at each distinct time with d deaths, risk-set total R and deaths' total
/// E of exp(lp − centre), Breslow's increment d / R (ctype 1, the default after a breslow fit) or
/// Efron's Σ_{k&lt;d} 1 / (R − (k/d)·E) (ctype 2, after an efron fit). Times are merged by R's
/// timefix first, as coxph does. Right-censored data without strata or weights.
/// </summary>
internal static class CoxBaselineHazard
{
    /// <param name="risk">exp(lp − centre) of each row.</param>
    /// <returns>The distinct times, ascending, and H0 at each (a step function, right-continuous).</returns>
    public static (double[] Times, double[] CumulativeHazard) Compute(double[] time, bool[] status, double[] risk, CoxTies ties, bool timeFix)
    {
        var n = time.Length;
        var fixedTimes = timeFix ? TimeFix.Apply(time) : time;
        var order = Enumerable.Range(0, n).ToArray();
        Array.Sort(order, (a, b) => fixedTimes[a].CompareTo(fixedTimes[b]));

        var times = new List<double>();
        var increments = new List<double>();
        var atRisk = 0.0;
        for (var i = 0; i < n; i++) atRisk += risk[i];

        for (var start = 0; start < n;)
        {
            var t = fixedTimes[order[start]];
            var end = start;
            double deaths = 0, deathRisk = 0, leaving = 0;
            while (end < n && fixedTimes[order[end]] == t)
            {
                var row = order[end];
                leaving += risk[row];
                if (status[row])
                {
                    deaths++;
                    deathRisk += risk[row];
                }
                end++;
            }
            var increment = 0.0;
            if (deaths > 0)
            {
                if (ties == CoxTies.Breslow || deaths == 1)
                {
                    increment = deaths / atRisk;
                }
                else
                {
                    for (var k = 0; k < deaths; k++) increment += 1 / (atRisk - k / deaths * deathRisk);
                }
            }
            times.Add(t);
            increments.Add(increment);
            atRisk -= leaving;
            start = end;
        }

        var cumulative = new double[increments.Count];
        var sum = 0.0;
        for (var i = 0; i < cumulative.Length; i++) cumulative[i] = sum += increments[i];
        return (times.ToArray(), cumulative);
    }
}
