using Pnen.Stats.Survival.TimeDependent;

namespace Pnen.Dsl.Execution;

/// <summary>A cohort's rows for a time-dependent analysis of its exposure, each row's current exposure level,
/// and the patients that could not be analysed so.</summary>
internal sealed record ExposureRows<T>(CohortFrame<T> Frame, int[] Exposure, int LeftOut, int StartsAfterFollowUp);

/// <summary>
/// The rows of a time-dependent exposure: each patient in the reference level until their exposure starts
/// and in their own level from then on (R's <c>tmerge(d, d, id, death = event(time, status), x = tdc(start))</c>,
/// through <see cref="TimeDependentSplit"/>); and a landmark's rows (<see cref="Landmark"/>): the patients
/// still followed at the landmark, by their exposure then, their time measured from it. An exposed patient
/// without a start time, and a patient followed for no time at all (no interval to analyse), are left out
/// and counted.
/// </summary>
internal static class TimeDependentFrames
{
    public static ExposureRows<T> Split<T>(CohortFrame<T> patients, int[] exposure, int reference, Func<T, double?> startsAt, IReadOnlyList<CharacteristicSpec<T>> strata)
    {
        var (usable, change, leftOut) = Usable(patients, exposure, reference, startsAt);
        var after = usable.Count(i => change[i] >= patients.Time[i]);
        var records = TimeDependentSplit.Split(usable.Select(i => patients.Time[i]).ToArray(), usable.Select(i => patients.Died[i]).ToArray(), [usable.Select(i => change[i]).ToArray()]);
        var source = records.SourceRow.Select(r => usable[r]).ToArray();
        var current = source.Select((patient, r) => records.Covariates[0][r] == 1 ? exposure[patient] : reference).ToArray();
        var frame = new CohortFrame<T>(source.Select(i => patients.Members[i]).ToArray(), records.Start, records.Stop, records.Status, strata, usable.Length);
        return new ExposureRows<T>(frame, current, leftOut, after);
    }

    public static ExposureRows<T> Landmark<T>(CohortFrame<T> patients, int[] exposure, int reference, Func<T, double?> startsAt, double time, IReadOnlyList<CharacteristicSpec<T>> strata)
    {
        var (usable, change, leftOut) = Usable(patients, exposure, reference, startsAt);
        var records = Stats.Survival.TimeDependent.Landmark.Apply(usable.Select(i => patients.Time[i]).ToArray(), usable.Select(i => patients.Died[i]).ToArray(), time,
            [usable.Select(i => change[i]).ToArray()]);
        var source = records.SourceRow.Select(r => usable[r]).ToArray();
        var current = source.Select((patient, r) => records.Covariates[0][r] == 1 ? exposure[patient] : reference).ToArray();
        var frame = new CohortFrame<T>(source.Select(i => patients.Members[i]).ToArray(), null, records.Stop, records.Status, strata, source.Length);
        return new ExposureRows<T>(frame, current, leftOut, 0);
    }

    /// <summary>The patients a time-dependent analysis can use, each one's change time (NaN: never), and how
    /// many were left out.</summary>
    private static (int[] Usable, double[] Change, int LeftOut) Usable<T>(CohortFrame<T> patients, int[] exposure, int reference, Func<T, double?> startsAt)
    {
        var change = new double[patients.N];
        var usable = new List<int>(patients.N);
        for (var i = 0; i < patients.N; i++)
        {
            change[i] = exposure[i] == reference ? double.NaN : startsAt(patients.Members[i]) is { } starts ? patients.ReportTime(starts) : double.NaN;
            var known = exposure[i] >= 0 && (exposure[i] == reference || !double.IsNaN(change[i]));
            if (known && patients.Time[i] > 0) usable.Add(i);
        }
        return (usable.ToArray(), change, patients.N - usable.Count);
    }
}
