namespace Pnen.Stats.Tests.Survival.Reference;

/// <summary>
/// A deterministic cohort large enough for the engine's fast paths (blocks, parallel passes,
/// radix sorting) to matter, with what makes them hard: heavy ties, times that differ only by
/// rounding noise (0.1 + 0.2 against 0.3, merged by the time fix), zero times, strata, a
/// categorical covariate, missing values, and a binary and a constant-free continuous covariate.
/// </summary>
internal sealed class ScaleCohort
{
    public required double[] Time { get; init; }

    public required bool[] Status { get; init; }

    public required int[] Group { get; init; }

    public required int[] Stratum { get; init; }

    public required double[] Age { get; init; }

    public required double[] Marker { get; init; }

    public required double[] Treated { get; init; }

    public required int[] Stage { get; init; }

    public static readonly string[] GroupLevels = ["a", "b", "c", "d"];

    public static readonly string[] StratumLevels = ["s1", "s2", "s3"];

    public static readonly string[] StageLevels = ["I", "II", "III"];

    public static ScaleCohort Generate(int n, bool continuousTimes, ulong seed = 42)
    {
        var state = seed;
        double Uniform()
        {
            var z = state += 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return (((z ^ (z >> 31)) >> 11) + 0.5) * (1.0 / (1UL << 53));
        }

        var time = new double[n];
        var status = new bool[n];
        var group = new int[n];
        var stratum = new int[n];
        var age = new double[n];
        var marker = new double[n];
        var treated = new double[n];
        var stage = new int[n];
        for (var i = 0; i < n; i++)
        {
            group[i] = (int)(Uniform() * GroupLevels.Length);
            stratum[i] = (int)(Uniform() * StratumLevels.Length);
            stage[i] = Uniform() < 0.02 ? -1 : (int)(Uniform() * StageLevels.Length);
            age[i] = Math.Round(40 + 40 * Uniform(), 1);
            marker[i] = Uniform() < 0.01 ? double.NaN : Math.Log(Uniform());
            treated[i] = Uniform() < 0.5 ? 1 : 0;
            var eta = 0.02 * (age[i] - 60) + 0.3 * treated[i] - 0.2 * (double.IsNaN(marker[i]) ? 0 : marker[i]) + 0.1 * group[i] + (stage[i] < 0 ? 0 : 0.4 * stage[i]);
            var eventTime = -Math.Log(Uniform()) / (0.05 * Math.Exp(eta));
            var censorTime = 40 * Uniform();
            var t = Math.Min(eventTime, censorTime);
            time[i] = continuousTimes ? t : Math.Ceiling(t * 4) / 4;
            // Rounding noise that R's aeqSurv (and so the time fix) merges into one time.
            if (i % 97 == 0) time[i] = 0.1 + 0.2;
            if (i % 89 == 0) time[i] = 0.3;
            if (i % 1009 == 0) time[i] = 0;
            status[i] = eventTime <= censorTime;
        }
        return new ScaleCohort
        {
            Time = time, Status = status, Group = group, Stratum = stratum, Age = age, Marker = marker, Treated = treated, Stage = stage,
        };
    }
}
