using System.Numerics;

namespace Pnen.Stats.Survival.Cox;

/// <summary>
/// The risk sets of a Cox model on (start, stop] data with case weights, visited death time by
/// death time from the last to the first, with running sums kept as R survival's agfit4 keeps
/// them: rows join the sums when the walk reaches their stop time (order one, by stop) and leave
/// them when it passes their start time (order two, by start), so that each row is added and
/// removed once and a whole walk is O(n p²), or O(n p) without the second moments. Right-censored
/// data (no start times) never remove a row. At each death time the sums cover exactly the rows
/// with start &lt; t ≤ stop in the stratum: <see cref="Denom"/> = Σ w·exp(η), <see cref="A"/> =
/// Σ w·exp(η)·x and <see cref="Cmat"/> = Σ w·exp(η)·x x' (lower triangle), deaths included;
/// <see cref="A2"/> and <see cref="Cmat2"/> hold the deaths' share alone, for Efron's correction.
/// When the risk set empties the sums are set to zero rather than left as subtraction residue
/// (as agfit4 does). On a matrix with <see cref="CoxLikelihoodPass.Padding"/> after its last row
/// (a design's), Cmat's rows are a whole number of SIMD vectors apart (<see cref="Stride"/>) and
/// each row is added a vector of columns at a time, as <see cref="CoxLikelihoodPass"/> adds them.
/// Instead of the second moments, a walk can collect each row's exposure: the weights of the
/// death times it was at risk at (<see cref="AddExposure"/>, <see cref="CoxExposure"/>), for a
/// pass that takes Σ w·exp(η)·x x' row by row (<see cref="CoxCountingPass"/>).
/// </summary>
internal sealed class CoxRiskSets
{
    private readonly double[] _x;
    private readonly int _p;
    private readonly double[] _stop;
    private readonly bool[] _status;
    private readonly double[]? _weights;
    private readonly bool _separateDeaths;
    private readonly bool _secondMoments;
    private readonly bool _vectors;

    // With vectors, the rows joining the risk set (and the deaths', apart) reach Cmat four at a
    // time: the same additions in the same order, flushed before the sums are read or changed.
    private CoxPendingRows _joining;
    private CoxPendingRows _dying;
    private readonly int[] _strataStart;
    private readonly CoxLeavingRows? _leaving;
    private readonly double[] _risk;
    private readonly CoxExposure? _exposure;

    private int _stratum;
    private int _person;
    private int _startPointer;
    private int _atRisk;
    private double _denom;

    /// <param name="x">Rows × columns, row-major, rows sorted by (stratum, stop).</param>
    /// <param name="risk">w·exp(η) of each row, filled by the caller before each <see cref="Begin"/>.</param>
    /// <param name="separateDeaths">Keep the deaths' sums apart in <see cref="A2"/>/<see cref="Cmat2"/> (Efron).</param>
    /// <param name="secondMoments">Keep <see cref="Cmat"/> (the information matrix needs it; residuals do not).</param>
    /// <param name="exposure">If given, each walk adds to exposure[row] (set to 0 as the row joins
    /// the risk set) the sum of the weights passed to <see cref="AddExposure"/> at the death times
    /// the row was at risk at (<see cref="CoxExposure"/>). (start, stop] data only: right-censored
    /// sums keep their second moments instead.</param>
    public CoxRiskSets(
        double[] x, int rows, int columns, double[]? start, double[] stop, bool[] status, double[]? weights,
        bool[] lastInStratum, double[] risk, bool separateDeaths, bool secondMoments = false, double[]? exposure = null)
    {
        _x = x;
        _p = columns;
        _stop = stop;
        _status = status;
        _weights = weights;
        _separateDeaths = separateDeaths;
        _secondMoments = secondMoments;
        _risk = risk;
        if (exposure is not null && start is null) throw new ArgumentException("exposures are kept for (start, stop] data only", nameof(exposure));
        _exposure = exposure is null ? null : new CoxExposure(exposure);
        _strataStart = StrataStarts(lastInStratum, rows);
        _leaving = start is null ? null : new CoxLeavingRows(x, columns, start, _strataStart);
        A = new double[columns];
        A2 = new double[columns];
        var width = Vector<double>.Count;
        _vectors = secondMoments && x.Length >= (long)rows * columns + CoxLikelihoodPass.Padding;
        Stride = _vectors ? (columns + width - 1) / width * width : columns;
        Cmat = new double[secondMoments ? columns * Stride : 0];
        Cmat2 = new double[secondMoments ? columns * Stride : 0];
        if (_vectors)
        {
            _joining = new CoxPendingRows(A, Cmat, x, columns, Stride);
            _dying = new CoxPendingRows(A2, Cmat2, x, columns, Stride);
        }
    }

    /// <summary>How far apart the rows of <see cref="Cmat"/> and <see cref="Cmat2"/> are.</summary>
    public int Stride { get; }

    /// <summary>Number of strata (segments of the sorted rows).</summary>
    public int StrataCount => _strataStart.Length - 1;

    /// <summary>Stratum s occupies sorted positions [StratumStart(s), StratumStart(s + 1)).</summary>
    public int StratumStart(int s) => _strataStart[s];

    public double Time { get; private set; }

    public int Stratum => _stratum;

    /// <summary>The rows whose stop time is <see cref="Time"/>: sorted positions [From, To).</summary>
    public int From { get; private set; }

    public int To { get; private set; }

    public int Deaths { get; private set; }

    /// <summary>Σ w over the deaths at <see cref="Time"/>.</summary>
    public double DeathWeight { get; private set; }

    /// <summary>Σ w·exp(η) over the deaths at <see cref="Time"/>.</summary>
    public double DeathRisk { get; private set; }

    public double Denom { get; private set; }

    public double[] A { get; }

    public double[] A2 { get; }

    public double[] Cmat { get; }

    public double[] Cmat2 { get; }

    public void Begin()
    {
        _stratum = -1;
        _person = -1;
        Deaths = 0;
        _leaving?.Gather(_risk);
        _exposure?.Begin();
    }

    /// <summary>Every row in the risk set at <see cref="Time"/> gains <paramref name="weight"/> of exposure.</summary>
    public void AddExposure(double weight) => _exposure!.Add(weight);

    /// <summary>Moves to the next death time (going back in time); false when there is none.</summary>
    public bool Next()
    {
        if (_separateDeaths && Deaths > 0)
        {
            Array.Clear(A2);
            Array.Clear(Cmat2);
        }
        while (true)
        {
            while (_stratum < 0 || _person < _strataStart[_stratum])
            {
                if (_stratum >= 0) CloseExposure();
                if (++_stratum >= StrataCount)
                {
                    FinishExposure();
                    return false;
                }
                _person = _strataStart[_stratum + 1] - 1;
                _startPointer = _strataStart[_stratum];
                Clear();
            }

            var t = _stop[_person];
            if (_leaving is not null)
            {
                _joining.Flush();
                // Rows that start at or after t were added at a later stop time: out of the risk set now.
                var end = _strataStart[_stratum + 1];
                for (; _startPointer < end && _leaving.Start[_startPointer] >= t; _startPointer++)
                {
                    if (_exposure is not null) _leaving.Exit[_startPointer] = _exposure.Next;
                    if (--_atRisk == 0) Clear();
                    else Add(A, Cmat, -_leaving.Risk[_startPointer], _leaving.X, _startPointer, ref _denom);
                }
            }

            Deaths = 0;
            DeathWeight = 0;
            DeathRisk = 0;
            To = _person + 1;
            var first = _strataStart[_stratum];
            for (; _person >= first && _stop[_person] == t; _person--)
            {
                var row = _person;
                var r = _risk[row];
                _atRisk++;
                _exposure?.Enter(row);
                if (_status[row])
                {
                    Deaths++;
                    DeathWeight += _weights?[row] ?? 1.0;
                    DeathRisk += r;
                    if (_separateDeaths)
                    {
                        if (_vectors)
                        {
                            _dying.Push(row * _p, r);
                            continue;
                        }
                        var ignored = 0.0;
                        Add(A2, Cmat2, r, _x, row, ref ignored);
                        continue;
                    }
                }
                if (_vectors)
                {
                    _denom += r;
                    _joining.Push(row * _p, r);
                }
                else
                {
                    Add(A, Cmat, r, _x, row, ref _denom);
                }
            }
            From = _person + 1;
            if (Deaths == 0) continue;
            _joining.Flush();
            _dying.Flush();

            if (_separateDeaths)
            {
                _denom += DeathRisk;
                for (var i = 0; i < _p; i++) A[i] += A2[i];
                for (var i = 0; i < Cmat.Length; i++) Cmat[i] += Cmat2[i];
            }
            Denom = _denom;
            Time = t;
            return true;
        }
    }

    /// <summary>The rows still in the risk set when the walk leaves the stratum leave it there.</summary>
    private void CloseExposure()
    {
        if (_exposure is null) return;
        var exit = _exposure.CloseStratum();
        var end = _strataStart[_stratum + 1];
        for (; _startPointer < end; _startPointer++) _leaving!.Exit[_startPointer] = exit;
    }

    /// <summary>Each row's exposure from its entry to its exit, once the walk is over.</summary>
    private void FinishExposure()
    {
        if (_exposure is null) return;
        _exposure.Seal();
        _leaving!.Finish(_exposure);
    }

    private void Clear()
    {
        _joining.Flush(); // rows of the stratum just left: into sums about to be cleared, in order
        _atRisk = 0;
        _denom = 0;
        Array.Clear(A);
        Array.Clear(Cmat);
    }

    /// <summary>a += r·x, the lower triangle of cmat += r·x x' and denom += r, for one row of
    /// <paramref name="x"/> (the design, or the leaving rows' copy of it, padded the same way).</summary>
    private void Add(double[] a, double[] cmat, double r, double[] x, int row, ref double denom)
    {
        denom += r;
        var offset = row * _p;
        if (!_secondMoments)
        {
            for (var i = 0; i < _p; i++) a[i] += r * x[offset + i];
            return;
        }
        if (_vectors)
        {
            CoxRowSums.Add(a, cmat, x, offset, _p, Stride, r);
            return;
        }
        for (var i = 0; i < _p; i++)
        {
            var xi = r * x[offset + i];
            a[i] += xi;
            var ci = i * _p;
            for (var j = 0; j <= i; j++) cmat[ci + j] += xi * x[offset + j];
        }
    }

    private static int[] StrataStarts(bool[] lastInStratum, int rows)
    {
        var starts = new List<int> { 0 };
        for (var i = 0; i < rows; i++)
        {
            if (lastInStratum[i] && i + 1 < rows) starts.Add(i + 1);
        }
        starts.Add(rows);
        return starts.ToArray();
    }
}
