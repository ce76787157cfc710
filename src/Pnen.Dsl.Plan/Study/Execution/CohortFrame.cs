using Pnen.Stats.Survival.Cox;

namespace Pnen.Dsl.Execution;

/// <summary>
/// One cohort's rows with their outcome and the plan's strata evaluated once: what every analysis of
/// the cohort reads. A row is a patient (in file order), or one of a patient's intervals for a
/// time-dependent exposure ((start, stop] rows, <see cref="Start"/> set), or a landmark's record (time
/// from the landmark): <see cref="Members"/> gives each row's patient, so that any variable evaluated
/// on it follows the row.
/// </summary>
internal sealed class CohortFrame<T>
{
    public CohortFrame(T[] members, OutcomeSpec<T> outcome, IReadOnlyList<CharacteristicSpec<T>> strata)
        : this(members, null, members.Select(r => outcome.Time(r)!.Value).ToArray(), members.Select(r => outcome.Event(r)!.Value).ToArray(), strata, members.Length)
    {
        Scale = outcome.Scale;
    }

    /// <summary>The data's and the report's time units: <see cref="Time"/> is in the report's, so a time
    /// read from a record (an exposure's start) goes through <see cref="ReportTime"/>.</summary>
    public TimeScale? Scale { get; }

    public double ReportTime(double dataTime) => Scale?.Convert(dataTime) ?? dataTime;

    /// <param name="members">Each row's patient (a patient may have several rows).</param>
    /// <param name="patients">How many patients the rows come from.</param>
    public CohortFrame(T[] members, double[]? start, double[] time, bool[] died, IReadOnlyList<CharacteristicSpec<T>> strata, int patients)
    {
        Members = members;
        Start = start;
        Time = time;
        Died = died;
        Patients = patients;
        All = Enumerable.Range(0, members.Length).ToArray();
        Strata = strata.Select(s => EvaluatedCharacteristic<T>.Of(s, members)).ToArray();
    }

    /// <summary>Each row's patient.</summary>
    public T[] Members { get; }

    /// <summary>Entry times of (start, stop] rows, or null for right-censored rows.</summary>
    public double[]? Start { get; }

    /// <summary>Stop times (follow-up times of right-censored rows).</summary>
    public double[] Time { get; }

    public bool[] Died { get; }

    public int Patients { get; }

    /// <summary>Rows <paramref name="rows"/> as the engine's survival data (with entry times when there are any).</summary>
    public Stats.Survival.SurvivalData Data(IReadOnlyList<int> rows) => new(rows.Select(r => Time[r]).ToArray(), rows.Select(r => Died[r]).ToArray())
    {
        Start = Start is { } start ? rows.Select(r => start[r]).ToArray() : null,
    };

    public int[] All { get; }

    /// <summary>The plan's stratification variables (none for an unstratified plan).</summary>
    public EvaluatedCharacteristic<T>[] Strata { get; }

    /// <summary>How many patients <paramref name="rows"/> come from.</summary>
    public int PatientsIn(IReadOnlyList<int> rows) => Start is null && Patients == N
        ? rows.Count
        : rows.Select(r => (object)Members[r]!).Distinct(ReferenceEqualityComparer.Instance).Count();

    /// <summary>Rows (patients, unless the rows are intervals).</summary>
    public int N => Members.Length;

    /// <summary>The rows whose strata are all known (every row when the plan is unstratified).</summary>
    public int[] StrataKnown(IReadOnlyList<int> rows) => rows.Where(r => Strata.All(s => !s.IsMissing(r))).ToArray();

    /// <summary>The combined stratum of each row among <paramref name="rows"/> over the plan's strata and
    /// <paramref name="extra"/> (R's strata(a, b)): codes over the combinations that occur, -1 where any
    /// is missing; null when there is nothing to stratify by.</summary>
    public CoxStrata? CoxStrata(IReadOnlyList<int> rows, IReadOnlyList<EvaluatedCharacteristic<T>> extra)
    {
        var all = Strata.Concat(extra).ToArray();
        if (all.Length == 0) return null;
        var (codes, levels) = StrataCodes.Combine(all, rows);
        return new CoxStrata(string.Join(", ", all.Select(s => s.Label)), codes, levels);
    }
}

/// <summary>Combines stratification variables into one stratum per combination that occurs.</summary>
internal static class StrataCodes
{
    public static (int[] Codes, string[] Levels) Combine<T>(IReadOnlyList<EvaluatedCharacteristic<T>> strata, IReadOnlyList<int> rows)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var levels = new List<string>();
        var codes = new int[rows.Count];
        // Combinations numbered in the order of their levels (not of first appearance), so that the
        // strata of a model do not depend on the order of the records.
        var keys = new (int[] Parts, int Row)[rows.Count];
        for (var i = 0; i < rows.Count; i++)
        {
            var parts = strata.Select(s => s.Codes![rows[i]]).ToArray();
            keys[i] = (parts, i);
        }
        var ordered = keys.Where(k => k.Parts.All(c => c >= 0)).Select(k => k.Parts).DistinctBy(Key).OrderBy(p => p, PartsComparer.Instance).ToArray();
        foreach (var parts in ordered)
        {
            seen[Key(parts)] = levels.Count;
            levels.Add(string.Join(" / ", parts.Select((c, s) => strata[s].Spec.Levels[c])));
        }
        for (var i = 0; i < rows.Count; i++)
        {
            codes[i] = keys[i].Parts.All(c => c >= 0) ? seen[Key(keys[i].Parts)] : -1;
        }
        return (codes, levels.ToArray());
    }

    private static string Key(int[] parts) => string.Join(",", parts);

    private sealed class PartsComparer : IComparer<int[]>
    {
        public static readonly PartsComparer Instance = new();

        public int Compare(int[]? x, int[]? y)
        {
            for (var i = 0; i < x!.Length; i++)
            {
                var c = x[i].CompareTo(y![i]);
                if (c != 0) return c;
            }
            return 0;
        }
    }
}
