using Pnen.Stats.LinearAlgebra;

namespace Pnen.Stats.Survival.Cox;

/// <summary>
/// Newton-Raphson maximisation of the Cox partial likelihood, step for step as R survival's
/// coxfit6: columns centred and scaled (except those of -1/0/1 values), beta from 0, converged
/// when |1 - ll_old/ll_new| ≤ eps, a generalised Cholesky that zeroes redundant columns, and step
/// halving (towards the last good beta, more strongly each time) when the likelihood falls.
/// Each iteration is one backward pass over the sorted rows (<see cref="CoxLikelihoodPass"/>):
/// O(n p²) with running sums over the risk set, no allocation.
/// </summary>
internal sealed class CoxNewtonRaphson
{
    private readonly CoxDesign _design;
    private readonly int _p;
    private readonly double[] _x;
    private readonly double[] _scale;
    private readonly double[]? _weights;
    private readonly ICoxLikelihoodPass _pass;

    // agfit4 (counting-process data) accepts convergence only after a full Newton step, never
    // right after a step halving; coxfit6 accepts it either way.
    private readonly bool _convergeAfterFullStep;

    // Score and information of the last pass, reused across iterations.
    private readonly double[] _u;
    private readonly double[] _imat;

    /// <summary>Centres and scales the design's matrix in place: the design is built for one fit.</summary>
    public CoxNewtonRaphson(CoxDesign design, CoxTies ties)
        : this(design, ties, null, null)
    {
    }

    /// <summary>With entry times and/or case weights (in the design's row order) the likelihood is
    /// R's agfit4 (<see cref="CoxCountingPass"/>); without either, the fast coxfit6 pass.</summary>
    /// <param name="frequencies">The weights are frequencies (whole numbers of identical rows), see <see cref="CoxCountingPass"/>.</param>
    public CoxNewtonRaphson(CoxDesign design, CoxTies ties, double[]? start, double[]? weights, bool frequencies = false)
    {
        _design = design;
        _p = design.Columns;
        _x = design.X;
        _weights = weights;
        Means = new double[_p];
        _scale = new double[_p];
        _u = new double[_p];
        _imat = new double[_p * _p];
        CentreAndScale();
        _convergeAfterFullStep = start is not null;
        _pass = start is null && weights is null
            ? new CoxLikelihoodPass(_x, design.Rows, _p, design.Time, design.Status, design.LastInStratum, ties == CoxTies.Efron)
            : new CoxCountingPass(_x, design.Rows, _p, start, design.Time, design.Status, weights, design.LastInStratum, ties == CoxTies.Efron, frequencies);
    }

    /// <summary>Iterations over a likelihood pass that reads its rows elsewhere (a stream), with
    /// the centring and scaling of each column already found, as <see cref="CentreAndScale"/> would.</summary>
    public CoxNewtonRaphson(CoxDesign design, ICoxLikelihoodPass pass, double[] means, double[] scale)
    {
        _design = design;
        _p = design.Columns;
        _x = [];
        Means = means;
        _scale = scale;
        _u = new double[_p];
        _imat = new double[_p * _p];
        _pass = pass;
    }

    public double[] Means { get; }

    /// <summary>Σ w·x of each column before centring, over the rows in order (w = 1 without case
    /// weights; empty for a streamed pass): what a mean of an indicator column, which is not
    /// centred, is taken from without another pass over the matrix.</summary>
    public double[] ColumnTotals { get; private set; } = [];

    /// <summary>The factor each column was multiplied by after centring (1 for -1/0/1 columns):
    /// the design's X now holds (x - mean)·scale.</summary>
    public double[] Scale => _scale;

    public CoxFit Fit(CoxOptions options)
    {
        var p = _p;
        var beta = new double[p];
        var newBeta = new double[p];
        var loglikStart = Pass(beta);
        var loglik = loglikStart;

        var step = (double[])_u.Clone();
        GeneralizedCholesky.Decompose(_imat, p, options.CholeskyTolerance);
        GeneralizedCholesky.Solve(_imat, p, step);
        var score = 0.0;
        for (var i = 0; i < p; i++) score += _u[i] * step[i];

        if (options.MaxIterations == 0 || !double.IsFinite(loglikStart))
        {
            GeneralizedCholesky.Invert(_imat, p);
            return Finish(beta, loglikStart, loglikStart, score, 0, converged: options.MaxIterations == 0, halved: false);
        }

        for (var i = 0; i < p; i++) newBeta[i] = beta[i] + step[i];
        var halving = 0;
        for (var iteration = 1; iteration <= options.MaxIterations; iteration++)
        {
            var newLoglik = Pass(newBeta);
            GeneralizedCholesky.Decompose(_imat, p, options.CholeskyTolerance);
            var finite = double.IsFinite(newLoglik) && AllFinite(_u) && AllFinite(_imat);

            if (finite && !(_convergeAfterFullStep && halving > 0) && Math.Abs(1 - loglik / newLoglik) <= options.Epsilon)
            {
                GeneralizedCholesky.Invert(_imat, p);
                return Finish(newBeta, loglikStart, newLoglik, score, iteration, converged: true, halved: halving > 0);
            }

            if (!finite || newLoglik < loglik)
            {
                // Not improving: step back towards the last good beta, harder each time.
                halving++;
                for (var i = 0; i < p; i++) newBeta[i] = (newBeta[i] + halving * beta[i]) / (halving + 1.0);
            }
            else
            {
                halving = 0;
                loglik = newLoglik;
                GeneralizedCholesky.Solve(_imat, p, _u);
                for (var i = 0; i < p; i++)
                {
                    beta[i] = newBeta[i];
                    newBeta[i] += _u[i];
                }
            }
        }

        // Out of iterations: report the last good beta with its own score and information.
        var last = Pass(beta);
        GeneralizedCholesky.Decompose(_imat, p, options.CholeskyTolerance);
        GeneralizedCholesky.Invert(_imat, p);
        return Finish(beta, loglikStart, last, score, options.MaxIterations, converged: false, halved: halving > 0);
    }

    private CoxFit Finish(double[] scaledBeta, double loglikStart, double loglikEnd, double score, int iterations, bool converged, bool halved)
    {
        var p = _p;
        var beta = new double[p];
        var u = new double[p];
        var variance = new double[p * p];
        for (var i = 0; i < p; i++)
        {
            beta[i] = scaledBeta[i] * _scale[i];
            u[i] = _u[i] / _scale[i];
            for (var j = 0; j < p; j++) variance[i * p + j] = _imat[i * p + j] * _scale[i] * _scale[j];
        }
        return new CoxFit(beta, u, variance, loglikStart, loglikEnd, score, iterations, converged, halved);
    }

    /// <summary>
    /// Columns that are not all -1/0/1 are centred at their mean and scaled by n / Σ|x - mean|, as
    /// coxfit6 does (with case weights: the weighted mean, and Σw / Σw|x - mean|). Row-wise passes
    /// over the row-major matrix (one column at a time would stride through it p times); each
    /// column's sums still run over the rows in order, so splitting the columns between two cores
    /// changes no sum; the values are then centred and scaled in place, two halves of the rows at once.
    /// </summary>
    private void CentreAndScale()
    {
        var n = _design.Rows;
        var p = _p;
        if (n == 0)
        {
            Array.Fill(_scale, 1.0);
            return;
        }

        // Each column's sums run over the rows in order, whichever core takes the column, so
        // they are the same on any machine; at registry scale the columns are split in two.
        var indicator = new bool[p];
        var sums = ColumnTotals = new double[p];
        ByColumns((c0, c1) => ColumnSums(c0, c1, sums, indicator));
        var total = (double)n;
        if (_weights is { } weights)
        {
            total = 0;
            foreach (var w in weights) total += w;
        }

        var centred = new bool[p];
        var any = false;
        for (var c = 0; c < p; c++)
        {
            centred[c] = !indicator[c];
            any |= centred[c];
            Means[c] = centred[c] ? sums[c] / total : 0;
            _scale[c] = 1;
        }
        if (!any) return;

        var absSums = new double[p];
        ByColumns((c0, c1) => AbsoluteDeviationSums(c0, c1, centred, absSums));
        for (var c = 0; c < p; c++)
        {
            if (centred[c]) _scale[c] = absSums[c] > 0 ? total / absSums[c] : 1.0;
        }
        // Each value on its own: two halves of the rows on two cores.
        TwoHalves.Run(0, n, ParallelRows, (from, to) =>
        {
            var x = _x;
            for (var r = from; r < to; r++)
            {
                var row = r * p;
                for (var c = 0; c < p; c++)
                {
                    if (centred[c]) x[row + c] = (x[row + c] - Means[c]) * _scale[c];
                }
            }
        });
    }

    // Below this many rows a second thread costs more than it saves.
    private const int ParallelRows = 1 << 15;

    /// <summary>Runs <paramref name="part"/> on the columns [0, p), or on two halves of them in parallel at registry scale.</summary>
    private void ByColumns(Action<int, int> part)
    {
        if (_design.Rows < ParallelRows || _p < 2)
        {
            part(0, _p);
            return;
        }
        var half = _p / 2;
        Parallel.Invoke(() => part(0, half), () => part(half, _p));
    }

    /// <summary>Σ w·x of columns [c0, c1), over the rows in order, and whether each holds only -1, 0 and 1.</summary>
    private void ColumnSums(int c0, int c1, double[] sums, bool[] indicator)
    {
        var x = _x;
        var p = _p;
        var weights = _weights;
        var width = c1 - c0;
        var partSums = new double[width];
        var partIndicator = new bool[width];
        Array.Fill(partIndicator, true);
        for (var r = 0; r < _design.Rows; r++)
        {
            var row = r * p + c0;
            var w = weights?[r] ?? 1.0;
            for (var c = 0; c < width; c++)
            {
                var v = x[row + c];
                partSums[c] += w * v;
                if (partIndicator[c] && v is not (0 or 1 or -1)) partIndicator[c] = false;
            }
        }
        Array.Copy(partSums, 0, sums, c0, width);
        Array.Copy(partIndicator, 0, indicator, c0, width);
    }

    /// <summary>Σ w·|x - mean| of the centred columns among [c0, c1), over the rows in order.</summary>
    private void AbsoluteDeviationSums(int c0, int c1, bool[] centred, double[] absSums)
    {
        var x = _x;
        var p = _p;
        var weights = _weights;
        var width = c1 - c0;
        var partSums = new double[width];
        for (var r = 0; r < _design.Rows; r++)
        {
            var row = r * p + c0;
            var w = weights?[r] ?? 1.0;
            for (var c = 0; c < width; c++)
            {
                if (!centred[c0 + c]) continue;
                partSums[c] += w * Math.Abs(x[row + c] - Means[c0 + c]);
            }
        }
        Array.Copy(partSums, 0, absSums, c0, width);
    }

    /// <summary>One pass: the log partial likelihood at beta, its score in _u and the upper
    /// triangle of the information matrix in _imat.</summary>
    private double Pass(double[] beta) => _pass.Evaluate(beta, _u, _imat);

    private static bool AllFinite(double[] values)
    {
        foreach (var v in values)
        {
            if (!double.IsFinite(v)) return false;
        }
        return true;
    }
}

/// <summary>The raw outcome of the iterations, on the scale of the data.</summary>
internal sealed record CoxFit(
    double[] Beta,
    double[] Score,
    double[] Variance,
    double LogLikelihoodStart,
    double LogLikelihoodEnd,
    double ScoreTest,
    int Iterations,
    bool Converged,
    bool Halved);
