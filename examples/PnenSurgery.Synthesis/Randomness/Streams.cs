namespace PnenSurgery.Synthesis.Randomness;

/// <summary>
/// The independent random streams of one seed. Each purpose has its own stream so that, for
/// example, re-tuning the survival model never changes who is male or how old anyone is, and
/// re-dealing the descriptive variables never changes anything the survival model sees.
/// </summary>
public static class Streams
{
    /// <summary>Dealing the variables the survival model uses (grade, age band, HM band, SSA, chemotherapy).</summary>
    public const ulong Baseline = 1;

    /// <summary>Ages.</summary>
    public const ulong Continuous = 2;
    public const ulong SurvivalTimes = 3;
    public const ulong FollowUp = 4;
    public const ulong LossToFollowUp = 5;
    public const ulong Excluded = 6;
    public const ulong Centre = 7;
    public const ulong RowOrder = 8;

    /// <summary>HM diameters, and the side of 40 mm of the unrecorded ones.</summary>
    public const ulong HmValues = 9;

    /// <summary>Months from diagnosis to surgery (synthetic; no other value depends on it).</summary>
    public const ulong SurgeryTiming = 10;

    /// <summary>Dealing the descriptive variables (those the survival model does not use), one
    /// stream per shuffle index, and their continuous values (the primary diameter).</summary>
    public static ulong Descriptive(int shuffle) => (1UL << 20) + 2 * (ulong)shuffle;

    public static ulong PrimaryValues(int shuffle) => Descriptive(shuffle) + 1;
}
