using Pnen.Stats.Survival.Cox;

namespace Pnen.Dsl.Execution;

/// <summary>
/// One cohort's records with their outcome and the plan's strata evaluated once: what every analysis
/// of the cohort reads. Rows are the members' positions, in file order.
/// </summary>
internal sealed class CohortFrame<T>
{
    public CohortFrame(T[] members, OutcomeSpec<T> outcome, IReadOnlyList<CharacteristicSpec<T>> strata)
    {
        Members = members;
        Time = members.Select(r => outcome.Time(r)!.Value).ToArray();
        Died = members.Select(r => outcome.Event(r)!.Value).ToArray();
        All = Enumerable.Range(0, members.Length).ToArray();
        Strata = strata.Select(s => EvaluatedCharacteristic<T>.Of(s, members)).ToArray();
    }

    public T[] Members { get; }

    public double[] Time { get; }

    public bool[] Died { get; }

    public int[] All { get; }

    /// <summary>The plan's stratification variables (none for an unstratified plan).</summary>
    public EvaluatedCharacteristic<T>[] Strata { get; }

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
