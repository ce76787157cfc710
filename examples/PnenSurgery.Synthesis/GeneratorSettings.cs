using PnenSurgery.Synthesis.Survival;

namespace PnenSurgery.Synthesis;

/// <summary>
/// The inputs that fix the committed CSV. The seed and the descriptive shuffle were chosen by
/// `--search` (see the data README): the best-scoring seed of a fixed range, and for it the best
/// of the shuffles 0..99. The late hazard ratio is fixed beforehand. The survival parameters are
/// the calibration's result for that seed, stored here (printed by `--search` and `--calibrate`)
/// so that the CSV depends only on this project's arithmetic, not on the survival engine that the
/// calibration uses: a later change to the engine cannot silently change the data.
/// </summary>
public static class GeneratorSettings
{
    public const ulong Seed = 28;

    public const int Shuffle = 69;

    /// <summary>The baseline hazard after five years relative to before (fixed before the search).</summary>
    public const double LateHazardRatio = 3;

    /// <summary>Log hazard ratios, indexed by <see cref="Coefficient"/>.</summary>
    public static readonly double[] Beta =
    [
        -0.2774038381238953, // PR (bt-pNET): HR 0.758
        -1.5333191776733182, // PHR (bt-pNET): HR 0.216
        -0.2231435513142097, // PR (hn-pNET): HR 0.800
        -0.35667494393873245, // PHR (hn-pNET): HR 0.700
        0.09891523788779341, // age >= 60: HR 1.104
        1.3076626461805079, // extrahepatic metastasis: HR 3.698
        0.14494736138011716, // HM > 40 mm: HR 1.156
        1.8696288653194855, // HM > 40 mm x PHR: HR 6.486
        -1.2021400683506083, // G1 vs NEC: HR 0.301
        -1.5948906018681008, // G2 vs NEC: HR 0.203
        -2.0010657836301813, // G3 vs NEC: HR 0.135
        -0.07149297663027035, // SSA: HR 0.931
        0.525500032147459, // chemotherapy: HR 1.691
        -0.1808390745670104, // HM > 40 mm x bt-pNET: HR 0.835
        0.26236426446749106, // hn-pNET (vs bt-pNET): HR 1.300
    ];

    /// <summary>Baseline scale λ in months (the calibration sets it for 63 deaths).</summary>
    public const double Scale = 30.01819211297652;

    /// <summary>Accrual exponent a (the calibration sets it for a median follow-up of 48 months).</summary>
    public const double AccrualExponent = 0.4478973388671875;

    public static SurvivalParameters Parameters => new((double[])Beta.Clone(), LateHazardRatio, Scale, AccrualExponent);
}
