using PnenSurgery.Synthesis.Randomness;

namespace PnenSurgery.Synthesis.Survival;

/// <summary>
/// The random numbers behind a cohort's outcomes, drawn once per seed and patient: a unit
/// exponential for the event time, a uniform for the potential follow-up, and two uniforms for
/// loss to follow-up (who, and when). Holding them fixed while the parameters move is what lets
/// the calibration tune the parameters on one realisation.
/// </summary>
public sealed record SurvivalDraws(double[] Exponential, double[] FollowUp, double[] LossPriority, double[] LossPosition)
{
    public static SurvivalDraws Create(ulong seed, int n, ulong streamOffset = 0)
    {
        var times = new Xoshiro256(seed, Streams.SurvivalTimes + streamOffset);
        var followUp = new Xoshiro256(seed, Streams.FollowUp + streamOffset);
        var loss = new Xoshiro256(seed, Streams.LossToFollowUp + streamOffset);
        var exponential = new double[n];
        var potential = new double[n];
        var priority = new double[n];
        var position = new double[n];
        for (var i = 0; i < n; i++)
        {
            exponential[i] = -Math.Log(times.NextOpenDouble());
            potential[i] = followUp.NextDouble();
            priority[i] = loss.NextDouble();
            position[i] = loss.NextDouble();
        }
        return new SurvivalDraws(exponential, potential, priority, position);
    }
}
