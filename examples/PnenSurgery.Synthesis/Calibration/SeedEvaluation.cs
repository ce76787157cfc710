using PnenSurgery.Synthesis.Design;

namespace PnenSurgery.Synthesis.Calibration;

/// <summary>One seed from start to score: calibrate the model, choose the descriptive shuffle,
/// measure everything the paper reports.</summary>
public static class SeedEvaluation
{
    public static CalibrationResult Run(ulong seed, double lateHazardRatio, int? shuffle = null, Action<string>? log = null)
    {
        var model = new Calibrator(seed, lateHazardRatio, log).Run();
        var chosen = shuffle ?? DescriptiveShuffle.Best(seed, model.Outcomes).Shuffle;
        return Measure(model, chosen);
    }

    public static CalibrationResult Measure(CalibratedModel model, int shuffle)
    {
        var frame = new CohortFrame(FinalCohortBuilder.Build(model.Seed, shuffle));
        var time = model.Outcomes.Select(o => o.OsMonths).ToArray();
        var status = model.Outcomes.Select(o => o.Died).ToArray();
        var measures = Measures.All(frame, time, status);
        var score = SeedScore.Compute(measures) + SeedScore.Plausibility(model.Parameters.Beta);
        return new CalibrationResult(model.Seed, shuffle, model.Parameters, measures, score);
    }
}
