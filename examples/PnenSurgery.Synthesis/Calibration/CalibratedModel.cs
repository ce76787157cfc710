using PnenSurgery.Synthesis.Cohort;
using PnenSurgery.Synthesis.Survival;

namespace PnenSurgery.Synthesis.Calibration;

/// <summary>The calibrated survival model of one seed and the final cohort's outcomes under it
/// (in the builder's patient order).</summary>
public sealed record CalibratedModel(ulong Seed, SurvivalParameters Parameters, Outcome[] Outcomes);
