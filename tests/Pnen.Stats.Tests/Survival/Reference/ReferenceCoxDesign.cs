using Pnen.Stats.Survival;
using Pnen.Stats.Survival.Cox;

namespace Pnen.Stats.Tests.Survival.Reference;

// The straightforward implementation as it was before the registry-scale optimisation (issue 8),
// kept verbatim as the slow reference that the optimised engine is checked against at scale.

/// <summary>
/// The model matrix of a Cox fit: complete cases only, one column per numeric covariate and one
/// treatment-contrast indicator per non-reference level, constant columns set aside with a reason.
/// Rows are ordered by (stratum, time) and stored row-major, which is how the fitter walks them.
/// </summary>
internal sealed class ReferenceCoxDesign
{
    private ReferenceCoxDesign(
        int rows, int columns, double[] x, double[] time, bool[] status, bool[] lastInStratum,
        (string Variable, string? Level)[] names, List<CoxDroppedTerm> dropped, int droppedRows, List<string> warnings)
    {
        Rows = rows;
        Columns = columns;
        X = x;
        Time = time;
        Status = status;
        LastInStratum = lastInStratum;
        Names = names;
        DroppedTerms = dropped;
        DroppedRows = droppedRows;
        Warnings = warnings;
    }

    public int Rows { get; }

    public int Columns { get; }

    /// <summary>Rows × Columns, row-major, sorted by (stratum, time).</summary>
    public double[] X { get; }

    public double[] Time { get; }

    public bool[] Status { get; }

    /// <summary>True on the last row of each stratum in sorted order: risk sets stop there.</summary>
    public bool[] LastInStratum { get; }

    public (string Variable, string? Level)[] Names { get; }

    public List<CoxDroppedTerm> DroppedTerms { get; }

    public int DroppedRows { get; }

    public List<string> Warnings { get; }

    public static ReferenceCoxDesign Build(
        ReadOnlySpan<double> time, ReadOnlySpan<bool> status, IReadOnlyList<CoxCovariate> covariates, CoxStrata? strata, bool timeFix)
    {
        var n = time.Length;
        foreach (var c in covariates)
        {
            if (c.Length != n) throw new ArgumentException($"covariate '{c.Name}' has {c.Length} values but time has {n}", nameof(covariates));
            if (c is CategoricalCovariate cat)
            {
                if ((uint)cat.Reference >= (uint)cat.Levels.Count) throw new ArgumentException($"reference {cat.Reference} of '{cat.Name}' is not a level index", nameof(covariates));
                ReferenceSurvivalInput.CheckGroups(cat.Codes.Select(code => code < 0 ? 0 : code).ToArray(), cat.Levels.Count, n, cat.Name);
            }
        }
        if (strata is not null)
        {
            if (strata.Codes.Length != n) throw new ArgumentException($"strata '{strata.Name}' has {strata.Codes.Length} values but time has {n}", nameof(strata));
            ReferenceSurvivalInput.CheckGroups(strata.Codes.Select(code => code < 0 ? 0 : code).ToArray(), strata.Levels.Count, n, strata.Name);
        }

        var keep = new List<int>(n);
        for (var i = 0; i < n; i++)
        {
            var complete = strata is null || strata.Codes[i] >= 0;
            for (var c = 0; complete && c < covariates.Count; c++) complete = !covariates[c].IsMissing(i);
            if (complete) keep.Add(i);
        }
        var used = keep.Count;
        var droppedRows = n - used;

        // Time fix after the complete-case filter, as coxph applies aeqSurv to the model frame.
        var usedTimes = new double[used];
        for (var r = 0; r < used; r++) usedTimes[r] = time[keep[r]];
        if (timeFix) usedTimes = ReferenceTimeFix.Apply(usedTimes);
        var stratumOf = new int[used];
        var strataCount = strata?.Levels.Count ?? 1;
        if (strata is not null)
        {
            for (var r = 0; r < used; r++) stratumOf[r] = strata.Codes[keep[r]];
        }
        var (order, start) = ReferenceSurvivalInput.OrderByGroupThenTime(usedTimes, stratumOf, strataCount);

        var warnings = new List<string>();
        var dropped = new List<CoxDroppedTerm>();
        var columns = new List<(string Variable, string? Level, Func<int, double> Value)>();
        foreach (var covariate in covariates)
        {
            switch (covariate)
            {
                case NumericCovariate num:
                    columns.Add((num.Name, null, row => num.Values[row]));
                    break;
                case CategoricalCovariate cat:
                    var counts = new int[cat.Levels.Count];
                    foreach (var row in keep) counts[cat.Codes[row]]++;
                    if (counts[cat.Reference] == 0)
                    {
                        warnings.Add($"{cat.Name}: the reference level '{cat.Levels[cat.Reference]}' has no subjects in the analysed rows, so the other levels cannot be compared with it");
                    }
                    for (var level = 0; level < cat.Levels.Count; level++)
                    {
                        if (level == cat.Reference) continue;
                        var l = level;
                        columns.Add((cat.Name, cat.Levels[level], row => cat.Codes[row] == l ? 1.0 : 0.0));
                    }
                    break;
                default:
                    throw new ArgumentException($"unsupported covariate type {covariate.GetType().Name}", nameof(covariates));
            }
        }

        // A column that does not vary carries no information: set it aside with its name.
        var kept = new List<(string Variable, string? Level, Func<int, double> Value)>();
        foreach (var column in columns)
        {
            if (used > 0 && IsConstant(column.Value, keep))
            {
                var reason = column.Level is null
                    ? $"constant ({Format(column.Value(keep[0]))}) in the analysed rows"
                    : column.Value(keep[0]) == 0 ? "level has no subjects in the analysed rows" : "every analysed subject has this level";
                dropped.Add(new CoxDroppedTerm(column.Variable, column.Level, reason));
                warnings.Add($"{Label(column.Variable, column.Level)} was dropped from the model: {reason}");
                continue;
            }
            kept.Add(column);
        }

        var p = kept.Count;
        var x = new double[used * p];
        var sortedTime = new double[used];
        var sortedStatus = new bool[used];
        var last = new bool[used];
        for (var r = 0; r < used; r++)
        {
            var source = keep[order[r]];
            sortedTime[r] = usedTimes[order[r]];
            sortedStatus[r] = status[source];
            for (var c = 0; c < p; c++) x[r * p + c] = kept[c].Value(source);
        }
        for (var s = 0; s < strataCount; s++)
        {
            if (start[s + 1] > start[s]) last[start[s + 1] - 1] = true;
        }

        return new ReferenceCoxDesign(used, p, x, sortedTime, sortedStatus, last,
            kept.Select(k => (k.Variable, k.Level)).ToArray(), dropped, droppedRows, warnings);
    }

    public static string Label(string variable, string? level) => level is null ? variable : $"{variable}={level}";

    private static bool IsConstant(Func<int, double> value, List<int> rows)
    {
        var first = value(rows[0]);
        foreach (var row in rows)
        {
            if (value(row) != first) return false;
        }
        return true;
    }

    private static string Format(double value) => value.ToString("G6", System.Globalization.CultureInfo.InvariantCulture);
}
