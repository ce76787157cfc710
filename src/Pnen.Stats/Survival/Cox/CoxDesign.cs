using Pnen.Stats.Survival.Cox.Terms;

namespace Pnen.Stats.Survival.Cox;

/// <summary>
/// The model matrix of a Cox fit: complete cases only, one column per numeric covariate and one
/// treatment-contrast indicator per non-reference level, constant columns set aside with a reason.
/// Rows are ordered by (stratum, time) and stored row-major, which is how the fitter walks them.
/// Built in linear passes after one radix sort; the fitter centres and scales <see cref="X"/> in place.
/// </summary>
internal sealed class CoxDesign
{
    private CoxDesign(
        int rows, int columns, double[] x, double[] time, bool[] status, bool[] lastInStratum,
        (string Variable, string? Level)[] names, List<CoxDroppedTerm> dropped, int droppedRows, List<string> warnings, int[] sourceRows)
    {
        SourceRows = sourceRows;
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

    /// <summary>Rows × Columns, row-major, sorted by (stratum, time), then a few zeros of padding
    /// (<see cref="CoxLikelihoodPass.Padding"/>) so vector loads never leave the array.</summary>
    public double[] X { get; }

    public double[] Time { get; }

    public bool[] Status { get; }

    /// <summary>True on the last row of each stratum in sorted order: risk sets stop there.</summary>
    public bool[] LastInStratum { get; }

    public (string Variable, string? Level)[] Names { get; }

    public List<CoxDroppedTerm> DroppedTerms { get; }

    public int DroppedRows { get; }

    public List<string> Warnings { get; }

    /// <summary>For each sorted row, its index in the arrays given to <see cref="Build"/>: how
    /// per-row data the design does not hold (entry times, weights, clusters) follow the sort.</summary>
    public int[] SourceRows { get; }

    public static CoxDesign Build(
        ReadOnlySpan<double> time, ReadOnlySpan<bool> status, IReadOnlyList<CoxCovariate> covariates, CoxStrata? strata, bool timeFix)
    {
        var n = time.Length;
        foreach (var c in covariates)
        {
            if (c.Length != n) throw new ArgumentException($"covariate '{c.Name}' has {c.Length} values but time has {n}", nameof(covariates));
            if (c is CategoricalCovariate cat)
            {
                if ((uint)cat.Reference >= (uint)cat.Levels.Count) throw new ArgumentException($"reference {cat.Reference} of '{cat.Name}' is not a level index", nameof(covariates));
                CheckCodes(cat.Codes, cat.Levels.Count, cat.Name);
            }
        }
        if (strata is not null)
        {
            if (strata.Codes.Length != n) throw new ArgumentException($"strata '{strata.Name}' has {strata.Codes.Length} values but time has {n}", nameof(strata));
            CheckCodes(strata.Codes, strata.Levels.Count, strata.Name);
        }

        // Complete cases. When every row is complete (the usual case) no index is built at all.
        var keep = CompleteRows(n, covariates, strata);
        var used = keep?.Length ?? n;
        var droppedRows = n - used;

        // Time fix after the complete-case filter, as coxph applies aeqSurv to the model frame;
        // one radix sort by (stratum, fixed time, row) does both.
        var strataCount = strata?.Levels.Count ?? 1;
        var usedTimes = keep is null ? time : Gather(time, keep);
        ReadOnlySpan<int> stratumOf = strata is null ? [] : keep is null ? strata.Codes : Gather<int>(strata.Codes, keep);
        var order = SurvivalOrder.Create(usedTimes, stratumOf, strataCount, timeFix);

        var warnings = new List<string>();
        var dropped = new List<CoxDroppedTerm>();
        var columns = new List<DesignColumn>();
        foreach (var covariate in covariates)
        {
            switch (covariate)
            {
                case NumericCovariate num:
                    columns.Add(new DesignColumn(num.Name, null, num.Values, null, 0));
                    break;
                case CategoricalCovariate cat:
                    var counts = new int[cat.Levels.Count];
                    if (keep is null) foreach (var code in cat.Codes) counts[code]++;
                    else foreach (var row in keep) counts[cat.Codes[row]]++;
                    if (counts[cat.Reference] == 0)
                    {
                        warnings.Add($"{cat.Name}: the reference level '{cat.Levels[cat.Reference]}' has no subjects in the analysed rows, so the other levels cannot be compared with it");
                    }
                    for (var level = 0; level < cat.Levels.Count; level++)
                    {
                        if (level == cat.Reference) continue;
                        columns.Add(new DesignColumn(cat.Name, cat.Levels[level], null, cat.Codes, level));
                    }
                    break;
                case IDerivedCovariate derived:
                    // Splines, per-unit terms, interactions: columns computed on the analysed rows.
                    var expansion = derived.Columns(keep, n);
                    foreach (var set in expansion.Dropped)
                    {
                        dropped.Add(set);
                        warnings.Add($"{Label(set.Variable, set.Level)} was dropped from the model: {set.Reason}");
                    }
                    foreach (var column in expansion.Columns) columns.Add(new DesignColumn(covariate.Name, column.Level, column.Values, null, 0));
                    break;
                default:
                    throw new ArgumentException($"unsupported covariate type {covariate.GetType().Name}", nameof(covariates));
            }
        }

        // A column that does not vary carries no information: set it aside with its name.
        var kept = new List<DesignColumn>();
        foreach (var column in columns)
        {
            if (used > 0 && column.IsConstant(keep, used))
            {
                var reason = ConstantReason(column.Level, column.Value(keep is null ? 0 : keep[0]));
                dropped.Add(new CoxDroppedTerm(column.Variable, column.Level, reason));
                warnings.Add($"{Label(column.Variable, column.Level)} was dropped from the model: {reason}");
                continue;
            }
            kept.Add(column);
        }

        var p = kept.Count;
        var x = Fill(kept, keep, used, order.Rows, status, out var sortedStatus, out var sourceRows);
        var last = new bool[used];
        for (var s = 0; s < strataCount; s++)
        {
            if (order.Start[s + 1] > order.Start[s]) last[order.Start[s + 1] - 1] = true;
        }

        var names = new (string Variable, string? Level)[p];
        for (var c = 0; c < p; c++) names[c] = (kept[c].Variable, kept[c].Level);
        return new CoxDesign(used, p, x, order.Times, sortedStatus, last, names, dropped, droppedRows, warnings, sourceRows);
    }

    /// <summary>
    /// The sorted row-major matrix and the sorted status. Rows are scattered to their sorted
    /// position (one random write of a whole row) while the columns are read in order: gathering
    /// by sorted position instead would read every column at random, ten cache misses a row. The
    /// rows go through a small block first, filled a column at a time (one tight loop per column,
    /// no test of the column's kind per cell), from which each row is copied whole.
    /// </summary>
    private const int ParallelFillRows = 1 << 16;

    private const int BlockRows = 1024;

    private static double[] Fill(List<DesignColumn> columns, int[]? keep, int used, int[] sortedRows, ReadOnlySpan<bool> status, out bool[] sortedStatus, out int[] sourceRows)
    {
        var p = columns.Count;
        var position = new int[used];
        for (var r = 0; r < used; r++) position[sortedRows[r]] = r;

        var x = new double[(long)used * p + CoxLikelihoodPass.Padding];
        var statusOut = sortedStatus = new bool[used];
        var sourceOut = sourceRows = new int[used];
        var statusIn = status.ToArray();
        // Every row lands at a position of its own: two halves of the rows fill on two cores.
        TwoHalves.Run(0, used, ParallelFillRows, FillRows);
        return x;

        void FillRows(int from, int to)
        {
            var block = new double[BlockRows * p];
            for (var start = from; start < to; start += BlockRows)
            {
                var size = Math.Min(BlockRows, to - start);
                for (var c = 0; c < p; c++) FillBlockColumn(columns[c], keep, start, size, block, c, p);
                for (var i = 0; i < size; i++)
                {
                    var u = start + i;
                    var source = keep is null ? u : keep[u];
                    var at = position[u];
                    statusOut[at] = statusIn[source];
                    sourceOut[at] = source;
                    block.AsSpan(i * p, p).CopyTo(x.AsSpan((int)((long)at * p), p));
                }
            }
        }
    }

    /// <summary>Column c of rows [start, start + size) (of the analysed rows) into the block, p values apart.</summary>
    private static void FillBlockColumn(DesignColumn column, int[]? keep, int start, int size, double[] block, int c, int p)
    {
        if (column.Values is { } values)
        {
            if (keep is null)
            {
                for (var i = 0; i < size; i++) block[i * p + c] = values[start + i];
            }
            else
            {
                for (var i = 0; i < size; i++) block[i * p + c] = values[keep[start + i]];
            }
            return;
        }
        var codes = column.Codes!;
        var level = column.IndicatorLevel;
        for (var i = 0; i < size; i++)
        {
            var source = keep is null ? start + i : keep[start + i];
            block[i * p + c] = codes[source] == level ? 1.0 : 0.0;
        }
    }

    /// <summary>Rows with no missing covariate or stratum; null when that is every row.</summary>
    internal static int[]? CompleteRows(int n, IReadOnlyList<CoxCovariate> covariates, CoxStrata? strata)
    {
        var missing = new bool[n];
        var anyMissing = false;
        foreach (var covariate in covariates)
        {
            switch (covariate)
            {
                case NumericCovariate num:
                    for (var i = 0; i < n; i++)
                    {
                        if (double.IsNaN(num.Values[i])) missing[i] = anyMissing = true;
                    }
                    break;
                case CategoricalCovariate cat:
                    for (var i = 0; i < n; i++)
                    {
                        if (cat.Codes[i] < 0) missing[i] = anyMissing = true;
                    }
                    break;
                default:
                    for (var i = 0; i < n; i++)
                    {
                        if (covariate.IsMissing(i)) missing[i] = anyMissing = true;
                    }
                    break;
            }
        }
        if (strata is not null)
        {
            for (var i = 0; i < n; i++)
            {
                if (strata.Codes[i] < 0) missing[i] = anyMissing = true;
            }
        }
        if (!anyMissing) return null;
        var keep = new List<int>(n);
        for (var i = 0; i < n; i++)
        {
            if (!missing[i]) keep.Add(i);
        }
        return keep.ToArray();
    }

    private static T[] Gather<T>(ReadOnlySpan<T> values, int[] rows)
    {
        var result = new T[rows.Length];
        for (var i = 0; i < rows.Length; i++) result[i] = values[rows[i]];
        return result;
    }

    /// <summary>Codes index the levels; a negative code marks a missing value.</summary>
    private static void CheckCodes(int[] codes, int levelCount, string name)
    {
        for (var i = 0; i < codes.Length; i++)
        {
            if (codes[i] >= levelCount)
            {
                throw new ArgumentException($"{name}[{i}] = {codes[i]} is not a level index in [0, {levelCount})", name);
            }
        }
    }

    /// <summary>One column of the model matrix: a numeric covariate, or the indicator of one level.</summary>
    private sealed record DesignColumn(string Variable, string? Level, double[]? Values, int[]? Codes, int IndicatorLevel)
    {
        public double Value(int row) => Values is not null ? Values[row] : Codes![row] == IndicatorLevel ? 1.0 : 0.0;

        public bool IsConstant(int[]? keep, int used)
        {
            var first = Value(keep is null ? 0 : keep[0]);
            for (var i = 1; i < used; i++)
            {
                if (Value(keep is null ? i : keep[i]) != first) return false;
            }
            return true;
        }
    }

    /// <summary>Why a column that does not vary in the analysed rows (every value <paramref name="value"/>) is set aside.</summary>
    internal static string ConstantReason(string? level, double value) => level is null
        ? $"constant ({Format(value)}) in the analysed rows"
        : value == 0 ? "level has no subjects in the analysed rows" : "every analysed subject has this level";

    /// <summary>A design whose rows are not in memory (<see cref="CoxRegression.FitStream"/>): its
    /// columns, what was set aside, and the number of rows; no matrix.</summary>
    internal static CoxDesign Streamed(int rows, int events, (string Variable, string? Level)[] names, List<CoxDroppedTerm> dropped, int droppedRows, List<string> warnings) =>
        new(rows, names.Length, [], [], [], [], names, dropped, droppedRows, warnings, []) { IsStreamed = true, StreamedEvents = events };

    /// <summary>True for a design from <see cref="Streamed"/>: no rows in memory.</summary>
    public bool IsStreamed { get; private init; }

    /// <summary>Events of a streamed design (the status is not in memory).</summary>
    public int StreamedEvents { get; private init; }

    public static string Label(string variable, string? level) => level is null ? variable : $"{variable}={level}";

    private static string Format(double value) => value.ToString("G6", System.Globalization.CultureInfo.InvariantCulture);
}
