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
/// </summary>
internal sealed class CoxRiskSets
{
    private readonly double[] _x;
    private readonly int _p;
    private readonly double[]? _start;
    private readonly double[] _stop;
    private readonly bool[] _status;
    private readonly double[]? _weights;
    private readonly bool _separateDeaths;
    private readonly bool _secondMoments;
    private readonly int[] _strataStart;
    private readonly int[]? _byStart;
    private readonly double[] _risk;
    private readonly bool _vectors;

    private int _stratum;
    private int _person;
    private int _startPointer;
    private int _atRisk;
    private double _denom;

    /// <param name="x">Rows × columns, row-major, rows sorted by (stratum, stop).</param>
    /// <param name="risk">w·exp(η) of each row, filled by the caller before each <see cref="Begin"/>.</param>
    /// <param name="separateDeaths">Keep the deaths' sums apart in <see cref="A2"/>/<see cref="Cmat2"/> (Efron).</param>
    /// <param name="secondMoments">Keep <see cref="Cmat"/> (the information matrix needs it; residuals do not).</param>
    public CoxRiskSets(
        double[] x, int rows, int columns, double[]? start, double[] stop, bool[] status, double[]? weights,
        bool[] lastInStratum, double[] risk, bool separateDeaths, bool secondMoments)
    {
        _x = x;
        _p = columns;
        _start = start;
        _stop = stop;
        _status = status;
        _weights = weights;
        _separateDeaths = separateDeaths;
        _secondMoments = secondMoments;
        _risk = risk;
        _strataStart = StrataStarts(lastInStratum, rows);
        _byStart = start is null ? null : ByStartDescending(start, _strataStart);
        A = new double[columns];
        A2 = new double[columns];
        var width = Vector<double>.Count;
        _vectors = secondMoments && x.Length >= (long)rows * columns + CoxLikelihoodPass.Padding;
        Stride = _vectors ? (columns + width - 1) / width * width : columns;
        Cmat = new double[secondMoments ? columns * Stride : 0];
        Cmat2 = new double[secondMoments ? columns * Stride : 0];
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
    }

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
                if (++_stratum >= StrataCount) return false;
                _person = _strataStart[_stratum + 1] - 1;
                _startPointer = _strataStart[_stratum];
                Clear();
            }

            var t = _stop[_person];
            if (_byStart is not null)
            {
                // Rows that start at or after t were added at a later stop time: out of the risk set now.
                var end = _strataStart[_stratum + 1];
                for (; _startPointer < end && _start![_byStart[_startPointer]] >= t; _startPointer++)
                {
                    var row = _byStart[_startPointer];
                    if (--_atRisk == 0) Clear();
                    else Add(A, Cmat, -_risk[row], row, ref _denom);
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
                if (_status[row])
                {
                    Deaths++;
                    DeathWeight += _weights?[row] ?? 1.0;
                    DeathRisk += r;
                    if (_separateDeaths)
                    {
                        var ignored = 0.0;
                        Add(A2, Cmat2, r, row, ref ignored);
                        continue;
                    }
                }
                Add(A, Cmat, r, row, ref _denom);
            }
            From = _person + 1;
            if (Deaths == 0) continue;

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

    private void Clear()
    {
        _atRisk = 0;
        _denom = 0;
        Array.Clear(A);
        Array.Clear(Cmat);
    }

    /// <summary>a += r·x, the lower triangle of cmat += r·x x' and denom += r, for one row.</summary>
    private void Add(double[] a, double[] cmat, double r, int row, ref double denom)
    {
        denom += r;
        var offset = row * _p;
        if (_vectors)
        {
            CoxRowSums.Add(a, cmat, _x, offset, _p, Stride, r);
            return;
        }
        for (var i = 0; i < _p; i++)
        {
            var xi = r * _x[offset + i];
            a[i] += xi;
            if (!_secondMoments) continue;
            var ci = i * _p;
            for (var j = 0; j <= i; j++) cmat[ci + j] += xi * _x[offset + j];
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

    /// <summary>Sorted positions ordered by (stratum, start descending): the order in which rows
    /// leave the risk sets as the walk goes back in time.</summary>
    private static int[] ByStartDescending(double[] start, int[] strataStart)
    {
        // Each stratum's rows by −start, a radix sort of the bits (stable: equal entry times keep
        // their order by stop), where a comparison sort of doubles is several times slower.
        var order = new int[start.Length];
        for (var s = 0; s + 1 < strataStart.Length; s++)
        {
            var from = strataStart[s];
            var size = strataStart[s + 1] - from;
            var keys = new ulong[size];
            var rows = new int[size];
            for (var i = 0; i < size; i++)
            {
                keys[i] = DoubleRadixSort.Key(-start[from + i]);
                rows[i] = from + i;
            }
            var (_, sorted) = DoubleRadixSort.Sort(keys, rows);
            Array.Copy(sorted!, 0, order, from, size);
        }
        return order;
    }
}
