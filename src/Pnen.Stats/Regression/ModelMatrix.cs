using System.Globalization;
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

        var rows = new List<int>(n);
        for (var i = 0; i < n; i++)
        {
            if (outcome.Codes[i] < 0) continue;
            var complete = true;
            foreach (var c in covariates)
            {
                if (c.IsMissing(i))
                {
                    complete = false;
                    break;
                }
            }
            if (complete) rows.Add(i);
        }
        var used = rows.Count;

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

        var analysed = rows.ToArray();
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
        // Column by column (each a plain array read), not a delegate call per cell of a million rows.
        for (var c = 0; c < p; c++)
        {
            var candidate = kept[c];
            for (var u = 0; u < used; u++) x[u * p + c] = candidate.Value(analysed[u]);
        }
        return new ModelMatrix(analysed, codes, x, p, kept.Select(k => (k.Variable, k.Level)).ToArray(), dropped, warnings);
    }

    /// <summary>A column of the model: the intercept (no values, no codes), a numeric covariate, or
    /// the indicator of one level of a categorical one.</summary>
    private readonly record struct Candidate(string Variable, string? Level, double[]? Values, int[]? Codes, int Indicator)
    {
        public double Value(int row) => Values is not null ? Values[row] : Codes is null ? 1.0 : Codes[row] == Indicator ? 1.0 : 0.0;

        public bool IsConstant(int[] rows, double first)
        {
            foreach (var r in rows)
            {
                if (Value(r) != first) return false;
            }
            return true;
        }
    }

    public static string Label(string variable, string? level) => level is null ? variable : $"{variable}={level}";
}
