using System.Numerics;
using System.Runtime.CompilerServices;

namespace Pnen.Stats.Survival.Cox;

/// <summary>
/// One evaluation of the Cox partial likelihood at beta: the log-likelihood, the score vector and
/// the information matrix, as R's coxfit6 defines them, in O(n p²) with running sums over the risk
/// sets. What makes it fast at registry scale:
/// <list type="bullet">
/// <item>the risk scores exp(x'beta) are computed first, in two fixed halves on two cores (fixed,
/// so the sums are the same on any machine);</item>
/// <item>the walk from the last time back adds each row to the running sums once, with the
/// lower triangle of x x' updated a SIMD vector of columns at a time, in two parts on two cores
/// (see <see cref="Evaluate"/>);</item>
/// <item>Efron's correction is summed in closed form per tied time (<see cref="CoxTieSums"/>):
/// the p² information matrix is visited once per death time, not once per death, so heavy ties
/// cost no more than distinct times.</item>
/// </list>
/// The design is sorted by (stratum, time); rows of a tied time never cross a stratum.
/// </summary>
internal sealed class CoxLikelihoodPass : ICoxLikelihoodPass
{
    // Below this many rows a second thread costs more than it saves.
    private const int ParallelRows = 1 << 15;

    private static readonly int Width = Vector<double>.Count;

    private readonly double[] _x;
    private readonly int _n;
    private readonly int _p;
    private readonly int _stride; // row length of the running matrices: p rounded up to a whole vector
    private readonly double[] _time;
    private readonly bool[] _status;
    private readonly bool[] _last;
    private readonly bool _efron;

    private readonly double[] _risk;
    private readonly CoxRunningSums _upper; // the walk of the later rows (all rows when serial)
    private readonly CoxRunningSums _lower; // the walk of the earlier rows, on a second thread

    /// <summary>Values the matrix must have after its last row, so that a whole vector can be
    /// loaded from the end of any row (what lands past the row only feeds unused upper-triangle cells).</summary>
    public static int Padding => Width;

    public CoxLikelihoodPass(double[] x, int rows, int columns, double[] time, bool[] status, bool[] lastInStratum, bool efron)
    {
        _x = x;
        _n = rows;
        _p = columns;
        _stride = (columns + Width - 1) / Width * Width;
        _time = time;
        _status = status;
        _last = lastInStratum;
        _efron = efron;
        _risk = new double[rows];
        if (x.Length < (long)rows * columns + Padding) throw new ArgumentException("the matrix needs Padding values after its last row", nameof(x));
        _upper = new CoxRunningSums(columns, _stride);
        _lower = new CoxRunningSums(columns, _stride);
    }

    /// <summary>Returns the log partial likelihood at <paramref name="beta"/>; fills the score
    /// <paramref name="u"/> and the upper triangle of the information <paramref name="imat"/>
    /// (element [j, i], j ≤ i, at j·p + i).</summary>
    /// <remarks>At registry scale the walk runs on two cores: the rows split at a time (never inside
    /// a tied time) into a later part, walked as before, and an earlier part walked at the same time
    /// from the later part's risk-set totals of the stratum they share (Σ risk and Σ risk·x, found
    /// first in one linear pass). Only Σ risk·x x' of those rows is not known to the earlier walk
    /// until the later one ends: the information takes it linearly (its weight 1/d2 summed over the
    /// death times, as in <see cref="CoxTieSums"/>), so it is added once at the end. The split is
    /// fixed by the data, so the sums are the same on any machine.</remarks>
    public double Evaluate(double[] beta, double[] u, double[] imat)
    {
        var loglik = RiskScores(beta);
        var split = _n < ParallelRows ? 0 : SplitRow();
        if (split == 0)
        {
            loglik += Walk(0, _n, _upper, carried: false);
            _upper.CopyTo(u, imat);
            return loglik;
        }

        double upper = 0, lower = 0;
        Parallel.Invoke(() => upper = Walk(split, _n, _upper, carried: false), () => lower = WalkCarried(split));
        // The later walk ends holding Σ risk·x x' of the rows it shares a stratum with the earlier part.
        _lower.AddCarriedInformation(_upper.Cmat, _p, _stride);
        _upper.CopyTo(u, imat);
        _lower.AddTo(u, imat);
        return loglik + upper + lower;
    }

    /// <summary>The first row of the later part: about half way, where a new time (or stratum) starts; 0 for none.</summary>
    private int SplitRow()
    {
        for (var r = _n / 2; r < _n; r++)
        {
            if (_last[r - 1] || _time[r] != _time[r - 1]) return r;
        }
        return 0;
    }

    /// <summary>The earlier part's walk, from the totals of the later rows of its top stratum.</summary>
    private double WalkCarried(int split)
    {
        var sums = _lower;
        sums.Clear();
        if (!_last[split - 1])
        {
            var p = _p;
            for (var r = split; r < _n; r++)
            {
                var risk = _risk[r];
                sums.Denominator += risk;
                var row = r * p;
                for (var i = 0; i < p; i++) sums.A[i] += risk * _x[row + i];
                if (_last[r]) break;
            }
        }
        return Walk(0, split, sums, carried: true);
    }

    /// <summary>The backward walk over rows [from, to), accumulating into <paramref name="sums"/>
    /// (cleared first unless <paramref name="carried"/>); returns its share of the log-likelihood.</summary>
    private double Walk(int from, int to, CoxRunningSums sums, bool carried)
    {
        var p = _p;
        if (!carried) sums.Clear();
        var u = sums.U;
        var imat = sums.Imat;
        var x = _x;
        var time = _time;
        var status = _status;
        var last = _last;
        var risk = _risk;
        var a = sums.A;
        var a2 = sums.A2;
        var cmat = sums.Cmat;
        var cmat2 = sums.Cmat2;
        var separateDeaths = _efron; // Breslow adds the dying straight into the risk set
        var loglik = 0.0;

        // Rows reach the sums four at a time (the same additions in the same order, fewer stores),
        // flushed before the sums are read or cleared.
        var riskSet = new CoxPendingRows(a, cmat, x, p, _stride);
        var dying = new CoxPendingRows(a2, cmat2, x, p, _stride);
        var denom = sums.Denominator;
        var person = to - 1;
        while (person >= from)
        {
            if (last[person])
            {
                riskSet.Flush();
                denom = 0;
                Array.Clear(a);
                Array.Clear(cmat);
                carried = false;
            }

            var deathTime = time[person];
            var deaths = 0;
            var deathRisk = 0.0;
            while (person >= from && time[person] == deathTime)
            {
                var r = risk[person];
                var row = person * p;
                if (!status[person])
                {
                    denom += r;
                    riskSet.Push(row, r);
                }
                else
                {
                    deaths++;
                    deathRisk += r;
                    for (var i = 0; i < p; i++) u[i] += x[row + i];
                    if (separateDeaths) dying.Push(row, r);
                    else riskSet.Push(row, r);
                }
                person--;
                if (person >= 0 && last[person]) break; // ties do not cross strata
            }
            if (deaths == 0) continue;
            riskSet.Flush();
            dying.Flush();

            denom += deathRisk;
            if (separateDeaths) sums.MergeDeaths();

            // Σ over the tied deaths of the Efron (or Breslow) weights; see the class comment.
            var tie = CoxTieSums.At(deaths, deaths, denom, deathRisk, _efron, ref loglik);
            tie.AddTo(u, imat, p, a, a2, cmat, cmat2, _stride);
            if (carried) sums.CarriedWeight += tie.InverseDenominatorSum;
            if (separateDeaths)
            {
                Array.Clear(a2);
                Array.Clear(cmat2);
            }
        }
        riskSet.Flush(); // the later walk's sums at its end serve the earlier walk (Evaluate)
        return loglik;
    }

    /// <summary>risk[r] = exp(x_r'beta) for every row; returns Σ x'beta over the deaths. Two fixed
    /// halves on two threads for large n: each row's score is the same either way, and the two
    /// partial sums are added in the same order, so the result does not depend on the machine.</summary>
    private double RiskScores(double[] beta)
    {
        if (_n < ParallelRows) return RiskScores(beta, 0, _n);
        var half = _n / 2;
        double first = 0, second = 0;
        Parallel.Invoke(() => first = RiskScores(beta, 0, half), () => second = RiskScores(beta, half, _n));
        return first + second;
    }

    private double RiskScores(double[] beta, int from, int to)
    {
        var p = _p;
        var x = _x;
        var risk = _risk;
        var status = _status;
        var deathSum = 0.0;
        for (var r = from; r < to; r++)
        {
            var offset = r * p;
            var zbeta = 0.0;
            for (var i = 0; i < p; i++) zbeta += beta[i] * x[offset + i];
            risk[r] = Math.Exp(zbeta);
            if (status[r]) deathSum += zbeta;
        }
        return deathSum;
    }

}
