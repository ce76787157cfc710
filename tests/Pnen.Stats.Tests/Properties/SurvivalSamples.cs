using CsCheck;

namespace Pnen.Stats.Tests.Properties;

/// <summary>Right-censored data as the property tests need it: times, events, a group code, covariates.</summary>
internal sealed record SurvivalSample(double[] Time, bool[] Died, int[] Group, int Groups, double[][] Covariates)
{
    public int N => Time.Length;

    public override string ToString() =>
        $"n = {N}, groups = {Groups}\n time  = [{string.Join(", ", Time.Select(t => t.ToString("R", System.Globalization.CultureInfo.InvariantCulture)))}]\n" +
        $" died  = [{string.Join(", ", Died.Select(d => d ? 1 : 0))}]\n group = [{string.Join(", ", Group)}]";

    /// <summary>The same data in another row order.</summary>
    public SurvivalSample Permuted(int[] order) => new(
        order.Select(i => Time[i]).ToArray(), order.Select(i => Died[i]).ToArray(), order.Select(i => Group[i]).ToArray(), Groups,
        Covariates.Select(x => order.Select(i => x[i]).ToArray()).ToArray());
}

internal static class SurvivalSamples
{
    /// <summary>
    /// Small samples (1 to 60 rows) with everything a survival curve meets: heavy ties (integer times
    /// from a short range) or none, all or no events, zero times; <paramref name="groups"/> levels.
    /// </summary>
    public static Gen<SurvivalSample> Small(int groups = 1) =>
        Gen.Int[1, 60].SelectMany(n => Gen.Select(Gen.Bool, Gen.Int[0, 3], Gen.ULong).Select((tied, censoring, seed) =>
        {
            var random = new Random(unchecked((int)seed));
            var time = new double[n];
            var died = new bool[n];
            var group = new int[n];
            for (var i = 0; i < n; i++)
            {
                time[i] = tied ? random.Next(0, 12) : Math.Round(random.NextDouble() * 100, 6);
                died[i] = censoring switch { 0 => true, 1 => false, _ => random.NextDouble() < 0.3 * censoring };
                group[i] = random.Next(groups);
            }
            return new SurvivalSample(time, died, group, groups, []);
        }));

    /// <summary>
    /// Cohorts drawn from a proportional hazards model (hazard exp(0.4 x1 - 0.3 x2 + 0.5 g)) with
    /// continuous covariates on unrelated scales and a binary group, so that Cox fits converge to
    /// finite estimates; times rounded to whole units half of the time, for ties.
    /// </summary>
    public static Gen<SurvivalSample> Cohort() =>
        Gen.Int[30, 150].SelectMany(n => Gen.Select(Gen.Bool, Gen.ULong).Select((tied, seed) =>
        {
            var random = new Random(unchecked((int)seed));
            var x1 = new double[n];
            var x2 = new double[n];
            var time = new double[n];
            var died = new bool[n];
            var group = new int[n];
            for (var i = 0; i < n; i++)
            {
                x1[i] = 50 + 10 * Normal(random);
                x2[i] = 0.01 * Normal(random);
                group[i] = random.Next(2);
                var rate = Math.Exp(0.04 * (x1[i] - 50) - 30 * x2[i] + 0.5 * group[i]) / 20;
                var survival = -Math.Log(1 - random.NextDouble()) / rate;
                var censor = random.NextDouble() * 60;
                time[i] = Math.Min(survival, censor);
                if (tied) time[i] = Math.Ceiling(time[i]);
                died[i] = survival <= censor;
            }
            return new SurvivalSample(time, died, group, 2, [x1, x2]);
        }));

    /// <summary>A permutation of 0..n-1 drawn from <paramref name="seed"/>.</summary>
    public static int[] Shuffle(int n, ulong seed)
    {
        var order = Enumerable.Range(0, n).ToArray();
        new Random(unchecked((int)seed)).Shuffle(order);
        return order;
    }

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
