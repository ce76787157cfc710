using PnenSurgery.Synthesis.Survival;

namespace PnenSurgery.Synthesis.Calibration;

/// <summary>The calibrated model of one seed, its descriptive shuffle, and what the cohort shows.</summary>
public sealed record CalibrationResult(
    ulong Seed,
    int Shuffle,
    SurvivalParameters Parameters,
    IReadOnlyDictionary<string, double?> Measures,
    double Score);
