namespace PnenSurgery.Synthesis.Calibration;

/// <summary>
/// Evaluates every seed of a fixed range (<see cref="SeedEvaluation"/>) and ranks them by
/// <see cref="SeedScore"/>, ties by seed. Seeds are independent, so they run in parallel; the
/// ranking does not depend on the order they finish in.
/// </summary>
public static class SeedSearch
{
    public static IReadOnlyList<CalibrationResult> Run(ulong first, int count, double lateHazardRatio, Action<CalibrationResult>? progress = null)
    {
        var results = new CalibrationResult[count];
        Parallel.For(0, count, i =>
        {
            results[i] = SeedEvaluation.Run(first + (ulong)i, lateHazardRatio);
            progress?.Invoke(results[i]);
        });
        return results.OrderBy(r => r.Score).ThenBy(r => r.Seed).ToList();
    }
}
