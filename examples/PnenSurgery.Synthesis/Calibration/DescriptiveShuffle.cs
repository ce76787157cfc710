using PnenSurgery.Synthesis.Cohort;
using PnenSurgery.Synthesis.Design;

namespace PnenSurgery.Synthesis.Calibration;

/// <summary>
/// Chooses how the descriptive variables are dealt. Their counts per cell are fixed and the
/// survival model ignores them, so each shuffle index gives the same outcomes and the same
/// hazard ratios; only their own log-rank P values change. Of the indices 0..count-1 the one
/// whose P values are nearest the published ones (<see cref="SeedScore"/>, descriptive targets
/// only; ties to the smaller index) is taken.
/// </summary>
public static class DescriptiveShuffle
{
    public const int Count = 100;

    public static (int Shuffle, double Score) Best(ulong seed, Outcome[] outcomes, int count = Count)
    {
        var time = outcomes.Select(o => o.OsMonths).ToArray();
        var status = outcomes.Select(o => o.Died).ToArray();
        var targets = PublishedTargets.All.Where(t => t.Descriptive).ToList();
        var best = (Shuffle: 0, Score: double.PositiveInfinity);
        for (var shuffle = 0; shuffle < count; shuffle++)
        {
            var frame = new CohortFrame(FinalCohortBuilder.Build(seed, shuffle));
            var score = SeedScore.Compute(Measures.Descriptive(frame, time, status), targets);
            if (score < best.Score) best = (shuffle, score);
        }
        return best;
    }
}
