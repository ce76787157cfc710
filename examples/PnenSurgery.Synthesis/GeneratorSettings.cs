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
    public const ulong Seed = 1258;

    public const int Shuffle = 47;

    /// <summary>The baseline hazard after five years relative to before (fixed before the search).</summary>
    public const double LateHazardRatio = 3;

    /// <summary>Log hazard ratios, indexed by <see cref="Coefficient"/>.</summary>
    public static readonly double[] Beta =
    [
        -0.8112078571628748, // PR (bt-pNET): HR 0.444
        -1.5466607351302155, // PHR (bt-pNET): HR 0.213
        -0.2231435513142097, // PR (hn-pNET): HR 0.800
        -0.35667494393873245, // PHR (hn-pNET): HR 0.700
        0.5558130498801807, // age >= 60: HR 1.743
        0.5908221347833597, // extrahepatic metastasis: HR 1.805
        0.29385949403920836, // HM > 40 mm: HR 1.342
        1.6215392610688826, // HM > 40 mm x PHR: HR 5.061
        -1.6801692665542662, // G1 vs NEC: HR 0.186
        -1.5969176532909504, // G2 vs NEC: HR 0.203
        -1.7144770701436107, // G3 vs NEC: HR 0.180
        0.05498197678695814, // SSA: HR 1.057
        0.3852033003332937, // chemotherapy: HR 1.470
        -0.15607963950036208, // HM > 40 mm x bt-pNET: HR 0.855
        0.26236426446749106, // hn-pNET (vs bt-pNET): HR 1.300
    ];

    /// <summary>Baseline scale λ in months (the calibration sets it for 63 deaths).</summary>
    public const double Scale = 33.654441110321926;

    /// <summary>Accrual exponent a (the calibration sets it for a median follow-up of 48 months).</summary>
    public const double AccrualExponent = 0.5787831306457519;

    public static SurvivalParameters Parameters => new((double[])Beta.Clone(), LateHazardRatio, Scale, AccrualExponent);
}
