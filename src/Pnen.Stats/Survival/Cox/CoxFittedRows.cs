namespace Pnen.Stats.Survival.Cox;

/// <summary>
/// The analysed rows of a fitted Cox model, rebuilt from the data it was fitted on: what R's
/// <c>coxph.getdata</c> hands to <c>cox.zph</c> and <c>concordancefit</c>. The same design as the
/// fit (complete cases, time fix, constant columns set aside), less the columns the fit dropped as
/// collinear, sorted by (stratum, time, row), with the columns centred at their means (as zph1.c
/// recentres them: scores, information and residuals do not change, exp(x'β) stays in range).
/// </summary>
internal sealed class CoxFittedRows
{
    private CoxFittedRows(int rows, int columns, double[] x, double[] time, bool[] status, int[] stratumStart,
        double[] beta, (string Variable, string? Level)[] names, bool[][] constantInStratum, double[] linearPredictor)
    {
        Rows = rows;
        Columns = columns;
        X = x;
        Time = time;
        Status = status;
        StratumStart = stratumStart;
        Beta = beta;
        Names = names;
        ConstantInStratum = constantInStratum;
        SourceRows = [];
        LinearPredictor = linearPredictor;
    }

    public int Rows { get; }

    public int Columns { get; }

    /// <summary>Rows × Columns, row-major, centred, then <see cref="CoxLikelihoodPass.Padding"/> values never read as data.</summary>
    public double[] X { get; }

    /// <summary>Times after the time fix, in sorted order.</summary>
    public double[] Time { get; }

    public bool[] Status { get; }

    /// <summary>Stratum b (of those with rows) holds sorted rows [StratumStart[b], StratumStart[b + 1]).</summary>
    public int[] StratumStart { get; }

    public int StrataCount => StratumStart.Length - 1;

    /// <summary>The fitted coefficient of each column.</summary>
    public double[] Beta { get; }

    public (string Variable, string? Level)[] Names { get; }

    /// <summary>[stratum][column]: the column takes one value on every row of the stratum (compared
    /// before centring, exactly, as zph1.c does).</summary>
    public bool[][] ConstantInStratum { get; }

    /// <summary>For each sorted row, its index in the arrays the rows were built from (as
    /// <see cref="CoxDesign.SourceRows"/>): how clusters follow the sort.</summary>
    public int[] SourceRows { get; private init; }

    /// <summary>x'β of each sorted row (centred x).</summary>
    public double[] LinearPredictor { get; }

    /// <summary>The rows a fit used, with its coefficients.</summary>
    /// <exception cref="ArgumentException">The fit names a term these data do not have.</exception>
    public static CoxFittedRows Build(ReadOnlySpan<double> time, ReadOnlySpan<bool> status, IReadOnlyList<CoxCovariate> covariates,
        CoxStrata? strata, bool timeFix, IEnumerable<(string Variable, string? Level, double Coefficient)> terms)
    {
        SurvivalInput.Check(time, status);
        var design = CoxDesign.Build(time, status, covariates, strata, timeFix);
        var (kept, coefficients) = Match(design, terms);
        var n = design.Rows;
        var p = kept.Length;
        var x = KeptColumns(design.X, n, design.Columns, kept);

        // Column means in one pass over the rows (each column summed in row order, as a pass per
        // column would): the matrix is read in memory order, not once per column across it.
        var means = new double[p];
        for (var r = 0; r < n; r++)
        {
            for (var c = 0; c < p; c++) means[c] += x[r * p + c];
        }
        for (var c = 0; c < p; c++) means[c] /= Math.Max(n, 1);
        return Centred(design, x, kept, coefficients, means);
    }

    /// <summary>
    /// The rows a right-censored fit iterated on, from its own design instead of a second build
    /// (complete cases, time fix, sort and fill again): <paramref name="x"/> is a copy of the
    /// design's matrix taken before the iterations centred and scaled it (theirs cannot be undone
    /// exactly), and <paramref name="columnSums"/> the sums of its columns in row order
    /// (<see cref="CoxNewtonRaphson.ColumnTotals"/>), the sums <see cref="Build"/> forms itself, so
    /// the means, the centred matrix and all that follows are the same numbers. The copy becomes
    /// the centred matrix.
    /// </summary>
    public static CoxFittedRows FromFit(CoxDesign design, double[] x, double[] columnSums, IEnumerable<(string Variable, string? Level, double Coefficient)> terms)
    {
        var (kept, coefficients) = Match(design, terms);
        var n = design.Rows;
        var means = new double[kept.Length];
        for (var c = 0; c < means.Length; c++) means[c] = columnSums[kept[c]] / Math.Max(n, 1);
        return Centred(design, KeptColumns(x, n, design.Columns, kept), kept, coefficients, means);
    }

    /// <summary>The design's column of each of the fit's terms (in design order) and its coefficient.</summary>
    /// <exception cref="ArgumentException">The fit names a term these data do not have.</exception>
    private static (int[] Kept, double[] Coefficients) Match(CoxDesign design, IEnumerable<(string Variable, string? Level, double Coefficient)> terms)
    {
        var kept = new List<int>();
        var coefficientOf = new Dictionary<(string, string?), double>();
        foreach (var term in terms)
        {
            var column = Array.IndexOf(design.Names, (term.Variable, term.Level));
            if (column < 0)
            {
                throw new ArgumentException($"the fit has a term {CoxDesign.Label(term.Variable, term.Level)} that these data do not give: pass the data the model was fitted on", nameof(terms));
            }
            kept.Add(column);
            coefficientOf[(term.Variable, term.Level)] = term.Coefficient;
        }
        kept.Sort();
        return (kept.ToArray(), kept.Select(c => coefficientOf[design.Names[c]]).ToArray());
    }

    /// <summary>The kept columns of a row-major matrix: the matrix itself when the fit kept every
    /// column, else gathered row by row; either way followed by <see cref="CoxLikelihoodPass.Padding"/>
    /// zeros, as the design's, so that SIMD loads of a row (<see cref="CoxRowSums"/>) stay inside.</summary>
    private static double[] KeptColumns(double[] all, int n, int columns, int[] kept)
    {
        var p = kept.Length;
        if (p == columns) return all;
        var x = new double[n * p + CoxLikelihoodPass.Padding];
        for (var r = 0; r < n; r++)
        {
            for (var c = 0; c < p; c++) x[r * p + c] = all[(long)r * columns + kept[c]];
        }
        return x;
    }

    private const int ParallelRows = 1 << 16;

    /// <summary>The strata, the columns constant within each (before centring), then the matrix
    /// centred in place and each row's x'β: both per row, so two halves of the rows on two cores.</summary>
    private static CoxFittedRows Centred(CoxDesign design, double[] x, int[] kept, double[] beta, double[] means)
    {
        var n = design.Rows;
        var p = kept.Length;
        var starts = new List<int> { 0 };
        for (var r = 0; r < n; r++)
        {
            if (design.LastInStratum[r]) starts.Add(r + 1);
        }
        if (n == 0) starts = [0];
        var stratumStart = starts.ToArray();

        var constant = new bool[stratumStart.Length - 1][];
        for (var s = 0; s < constant.Length; s++)
        {
            constant[s] = new bool[p];
            for (var c = 0; c < p; c++)
            {
                var first = x[stratumStart[s] * p + c];
                var same = true;
                for (var r = stratumStart[s] + 1; r < stratumStart[s + 1] && same; r++) same = x[r * p + c] == first;
                constant[s][c] = same;
            }
        }

        var eta = new double[n];
        TwoHalves.Run(0, n, ParallelRows, (from, to) =>
        {
            for (var r = from; r < to; r++)
            {
                var sum = 0.0;
                for (var c = 0; c < p; c++)
                {
                    var centred = x[r * p + c] -= means[c];
                    sum += centred * beta[c];
                }
                eta[r] = sum;
            }
        });

        var names = kept.Select(c => design.Names[c]).ToArray();
        return new CoxFittedRows(n, p, x, design.Time, design.Status, stratumStart, beta, names, constant, eta) { SourceRows = design.SourceRows };
    }

    /// <summary>The columns of each variable, in the order the variables first appear: a
    /// categorical covariate's indicators form one term, as R's assign attribute groups them.</summary>
    public List<(string Variable, int[] Columns)> Terms()
    {
        var result = new List<(string Variable, int[] Columns)>();
        for (var c = 0; c < Columns; c++)
        {
            var variable = Names[c].Variable;
            var at = result.FindIndex(t => t.Variable == variable);
            if (at < 0) result.Add((variable, [c]));
            else result[at] = (variable, [.. result[at].Columns, c]);
        }
        return result;
    }

    /// <summary>The stratum of each sorted row.</summary>
    public int[] StratumOfRow()
    {
        var result = new int[Rows];
        for (var s = 0; s < StrataCount; s++)
        {
            for (var r = StratumStart[s]; r < StratumStart[s + 1]; r++) result[r] = s;
        }
        return result;
    }
}
