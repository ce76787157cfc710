using System.Globalization;
using Pnen.Stats.Survival;
using Pnen.Stats.Survival.Cox;

namespace Pnen.Stats.Regression;

/// <summary>
/// The design of a regression on a categorical outcome, as R's model.matrix builds it: an intercept,
/// one column per numeric covariate and one treatment-contrast indicator per non-reference level of a
/// categorical one, over the complete cases (outcome and every covariate present, R's na.omit). A
/// column that does not vary in the analysed rows is set aside by name, as glm would report it NA.
/// Row-major: element [r, c] is at r * Columns + c.
/// </summary>
internal sealed class ModelMatrix
{
    public const string Intercept = "(Intercept)";

    private ModelMatrix(int[] rows, int[] outcome, double[] x, int columns, (string Variable, string? Level)[] names, List<LogitDroppedTerm> dropped, List<string> warnings)
    {
        Rows = rows;
        Outcome = outcome;
        X = x;
        Columns = columns;
        Names = names;
        DroppedTerms = dropped;
        Warnings = warnings;
    }

    /// <summary>Input rows analysed, ascending.</summary>
    public int[] Rows { get; }

    /// <summary>The outcome code of each analysed row.</summary>
    public int[] Outcome { get; }

    public double[] X { get; }

    public int Columns { get; }

    public (string Variable, string? Level)[] Names { get; }

    public List<LogitDroppedTerm> DroppedTerms { get; }

    public List<string> Warnings { get; }

    /// <summary>Rows filled on two cores above this many; a block of rows is filled column by column.</summary>
    private const int ParallelFill = 1 << 15;
    private const int FillBlock = 2048;

    public static ModelMatrix Build(CategoricalCovariate outcome, IReadOnlyList<CoxCovariate> covariates)
    {
        var n = outcome.Codes.Length;
        foreach (var c in covariates)
        {
            if (c.Length != n) throw new ArgumentException($"covariate '{c.Name}' has {c.Length} values but the outcome has {n}", nameof(covariates));
            if (c is CategoricalCovariate cat && ((uint)cat.Reference >= (uint)cat.Levels.Count || cat.Codes.Any(code => code >= cat.Levels.Count)))
            {
                throw new ArgumentException($"'{cat.Name}' has a code or reference that is not a level index", nameof(covariates));
            }
            if (c is not (NumericCovariate or CategoricalCovariate)) throw new ArgumentException($"unsupported covariate type {c.GetType().Name}", nameof(covariates));
        }

        var analysed = CompleteRows(outcome, covariates);
        var used = analysed.Length;

        var candidates = new List<Candidate> { new(Intercept, null, null, null, 0) };
        foreach (var covariate in covariates)
        {
            if (covariate is NumericCovariate num)
            {
                candidates.Add(new(num.Name, null, num.Values, null, 0));
                continue;
            }
            var cat = (CategoricalCovariate)covariate;
            for (var level = 0; level < cat.Levels.Count; level++)
            {
                if (level == cat.Reference) continue;
                candidates.Add(new(cat.Name, cat.Levels[level], null, cat.Codes, level));
            }
        }

        var dropped = new List<LogitDroppedTerm>();
        var warnings = new List<string>();
        var kept = new List<Candidate> { candidates[0] };
        foreach (var candidate in candidates.Skip(1))
        {
            var first = used > 0 ? candidate.Value(analysed[0]) : 0;
            if (candidate.IsConstant(analysed, first))
            {
                var reason = candidate.Level is null
                    ? $"constant ({first.ToString("G6", CultureInfo.InvariantCulture)}) in the analysed rows"
                    : first == 0 ? "level has no subjects in the analysed rows" : "every analysed subject has this level";
                dropped.Add(new LogitDroppedTerm(candidate.Variable, candidate.Level, reason));
                warnings.Add($"{Label(candidate.Variable, candidate.Level)} was dropped from the model: {reason}");
                continue;
            }
            kept.Add(candidate);
        }

        var p = kept.Count;
        var x = new double[used * p];
        var codes = new int[used];
        for (var u = 0; u < used; u++) codes[u] = outcome.Codes[analysed[u]];
        // Column by column (each a plain array read), a block of rows at a time so the block of x stays
        // in cache, on two halves of the rows (each cell written once, nothing summed).
        var columns = kept.ToArray();
        TwoHalves.Run(0, used, ParallelFill, (from, to) =>
        {
            for (var start = from; start < to; start += FillBlock)
            {
                var end = Math.Min(to, start + FillBlock);
                for (var c = 0; c < p; c++) columns[c].Fill(x, p, c, analysed, start, end);
            }
        });
        return new ModelMatrix(analysed, codes, x, p, kept.Select(k => (k.Variable, k.Level)).ToArray(), dropped, warnings);
    }

    /// <summary>Input rows with an outcome and every covariate present (R's na.omit), ascending; one
    /// column at a time over plain arrays, not a virtual call per cell.</summary>
    private static int[] CompleteRows(CategoricalCovariate outcome, IReadOnlyList<CoxCovariate> covariates)
    {
        var n = outcome.Codes.Length;
        var incomplete = new bool[n];
        var outcomeCodes = outcome.Codes;
        for (var i = 0; i < n; i++) incomplete[i] = outcomeCodes[i] < 0;
        foreach (var c in covariates)
        {
            if (c is NumericCovariate num)
            {
                var values = num.Values;
                for (var i = 0; i < n; i++) incomplete[i] |= double.IsNaN(values[i]);
            }
            else
            {
                var codes = ((CategoricalCovariate)c).Codes;
                for (var i = 0; i < n; i++) incomplete[i] |= codes[i] < 0;
            }
        }
        var used = n - incomplete.AsSpan().Count(true);
        var rows = new int[used];
        for (int i = 0, u = 0; i < n; i++)
        {
            if (!incomplete[i]) rows[u++] = i;
        }
        return rows;
    }

    /// <summary>A column of the model: the intercept (no values, no codes), a numeric covariate, or
    /// the indicator of one level of a categorical one.</summary>
    private readonly record struct Candidate(string Variable, string? Level, double[]? Values, int[]? Codes, int Indicator)
    {
        public double Value(int row) => Values is not null ? Values[row] : Codes is null ? 1.0 : Codes[row] == Indicator ? 1.0 : 0.0;

        public bool IsConstant(int[] rows, double first)
        {
            if (Values is { } values)
            {
                foreach (var r in rows)
                {
                    if (values[r] != first) return false;
                }
                return true;
            }
            if (Codes is not { } codes) return true;
            var level = first == 1.0;
            foreach (var r in rows)
            {
                if ((codes[r] == Indicator) != level) return false;
            }
            return true;
        }

        /// <summary>Writes this column's values of analysed rows [from, to) into column
        /// <paramref name="column"/> of the row-major x.</summary>
        public void Fill(double[] x, int p, int column, int[] rows, int from, int to)
        {
            if (Values is { } values)
            {
                for (var u = from; u < to; u++) x[u * p + column] = values[rows[u]];
            }
            else if (Codes is { } codes)
            {
                for (var u = from; u < to; u++) x[u * p + column] = codes[rows[u]] == Indicator ? 1.0 : 0.0;
            }
            else
            {
                for (var u = from; u < to; u++) x[u * p + column] = 1.0;
            }
        }
    }

    public static string Label(string variable, string? level) => level is null ? variable : $"{variable}={level}";
}
