using PnenSurgery.Synthesis.Randomness;

namespace PnenSurgery.Synthesis.Cohort;

/// <summary>
/// Months from diagnosis to surgery of the resected patients: **synthetic, not from the paper**, which
/// does not report them. Surgery for synchronous hepatic metastasis usually follows diagnosis within
/// weeks to a few months; a gamma distribution with shape 2 and scale 1 month (median 1.7, 90% within
/// 3.9 months) says so. A patient is operated on while alive and followed: the time is capped at 90% of
/// the follow-up and rounded down to a tenth of a month (so it stays below os_months; 0.0 means at
/// diagnosis). Drawn from a stream of its own, in the rows' final order, so that adding it changed no
/// other value of the cohort and every calibration target holds as before.
/// </summary>
public static class SurgeryTiming
{
    public static double? Draw(Baseline patient, Outcome outcome, Xoshiro256 random)
    {
        if (patient.Surgery == Arm.NR) return null;
        var gamma = -(Math.Log(random.NextOpenDouble()) + Math.Log(random.NextOpenDouble()));
        var months = Math.Min(gamma, 0.9 * outcome.OsMonths);
        return Math.Floor(months * 10) / 10;
    }
}
