using System.Runtime.CompilerServices;
using Pnen.Stats.Distributions;

namespace Pnen.Stats.Hypothesis;

/// <summary>
/// The exact p-value of Fisher's test for an r × c table: the total probability, under independence
/// with both margins fixed, of the tables no more probable than the observed one.
/// </summary>
/// <remarks>
/// A network algorithm in the spirit of Mehta and Patel's FEXACT. Columns are filled one at a time;
/// a node is the multiset of row totals still to be placed (rows are exchangeable for what remains,
/// so they are kept sorted), and a path into it carries its "past" log-weight −Σ log n_ij!; equal
/// pasts at a node are merged with a multiplicity. Each node's heaviest and lightest completion is
/// bounded, cheaply by relaxing the row or column constraints and, when that does not decide,
/// exactly by a memoised recursion over the same nodes (in closed form with two columns left). A
/// path whose every completion is at most as probable as the observed table contributes its whole
/// subtree in closed form (Σ over tables with margins r, c of Π 1/n_ij! = N! / (Π r_i! Π c_j!)), a
/// path with no such completion is dropped, and only the paths in between are carried to the next
/// column. With two columns left, each path's share is a binary search in the node's sorted
/// completions. The result agrees with R's FEXACT to about 1e-8 and needs no workspace setting.
/// </remarks>
// Hand-written: MathNet.Numerics has no Fisher exact test for r x c tables (a network algorithm as FEXACT).
internal sealed partial class FisherNetwork
{
    private readonly int _rows;
    private readonly int _columns;
    private readonly int[] _rowTotals;
    private readonly int[] _columnTotals;
    private readonly double[] _logF;
    private readonly double[] _logColumnSuffix;
    private readonly double _constant;
    private readonly double _threshold;
    private readonly long _radix;
    private readonly long _budget;
    private readonly Dictionary<long, (double Heaviest, double Lightest)>[] _bounds;
    private readonly int[][] _cell;
    private readonly int[][] _capacityBelow;
    private readonly int[][] _child;
    private readonly int[] _greedy;
    private readonly List<double> _completions = [];
    private double[] _prefix = [];
    private long _work;
    private double _p;

    // The vertex search for the lightest two-column completion visits r · 2^(r−1) vertices.
    private const int MaxRowsForVertexSearch = 12;

    private FisherNetwork(int[] rowTotals, int[] columnTotals, double[] logF, double threshold, long budget)
    {
        _rows = rowTotals.Length;
        _columns = columnTotals.Length;
        _rowTotals = rowTotals;
        _columnTotals = columnTotals;
        _logF = logF;
        _threshold = threshold;
        _radix = rowTotals.Max() + 1L;
        _budget = budget;
        _constant = rowTotals.Sum(x => logF[x]) + columnTotals.Sum(x => logF[x]) - logF[columnTotals.Sum()];
        _logColumnSuffix = new double[_columns + 1];
        for (var j = _columns - 1; j >= 0; j--) _logColumnSuffix[j] = _logColumnSuffix[j + 1] + logF[columnTotals[j]];
        _bounds = new Dictionary<long, (double, double)>[_columns];
        // One set of scratch buffers per column: the bound recursion nests one level per column.
        _cell = new int[_columns][];
        _capacityBelow = new int[_columns][];
        _child = new int[_columns][];
        _greedy = new int[_rows];
        for (var k = 0; k < _columns; k++)
        {
            _bounds[k] = [];
            _cell[k] = new int[_rows];
            _capacityBelow[k] = new int[_rows + 1];
            _child[k] = new int[_rows];
        }
    }

    /// <summary>The p-value, or null when the work would exceed <paramref name="budget"/>.</summary>
    /// <param name="table">A table without zero margins, at least 2 × 2.</param>
    /// <param name="logTolerance">Tables with log-probability up to log P(observed) + this count as "no more probable".</param>
    /// <param name="budget">Upper bound on the work, counted in column fillings visited and paths extended.</param>
    public static double? PValue(ContingencyTable table, double logTolerance, long budget)
    {
        // Fewer rows than columns: shorter vectors to enumerate per column and smaller node keys.
        var t = table.Rows <= table.Columns ? table : table.Transpose();
        var rowTotals = t.RowTotals.OrderByDescending(x => x).ToArray();
        // Ascending, so the largest column comes last, where it is forced and costs nothing.
        var columnTotals = t.ColumnTotals.OrderBy(x => x).ToArray();
        if (Math.Pow(rowTotals[0] + 1.0, rowTotals.Length) > long.MaxValue / 2) return null; // node keys would overflow

        var logF = LogFactorial.Table(t.Total);
        var observed = 0.0;
        for (var i = 0; i < t.Rows; i++)
        for (var j = 0; j < t.Columns; j++)
            observed -= logF[t[i, j]];
        return new FisherNetwork(rowTotals, columnTotals, logF, observed + logTolerance, budget).Run();
    }

    // Hot paths are compiled optimised at once: a typical call lasts less than the runtime's tiering
    // delay, and unoptimised code is about ten times slower here.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private double? Run()
    {
        var start = new Node(_rowTotals);
        start.Add(0, 1);
        var current = new List<Node> { start.Seal() };
        // Stages with at least two columns left; the last column is always forced.
        for (var k = 0; k < _columns - 1 && current.Count > 0; k++)
        {
            var next = new Dictionary<long, Node>();
            foreach (var node in current)
            {
                // Every path stored at a node straddles the threshold (see ExtendVisitor), so all are carried on.
                if (k == _columns - 2)
                {
                    if (!SumLastTwoColumns(node)) return null;
                    continue;
                }
                var visitor = new ExtendVisitor(node, next);
                if (!Enumerate(k, node.Rows, ref visitor)) return null;
            }
            current = [.. next.Values.Select(n => n.Seal())];
        }
        return Math.Min(1, _p);
    }

    /// <summary>
    /// With two columns left a completion is one filling x of the first: collect the completion
    /// weights f(x) once, sorted with prefix sums, and give each path its share by binary search
    /// instead of pairing every path with every filling.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool SumLastTwoColumns(Node node)
    {
        var visitor = new CompletionVisitor(_completions);
        _completions.Clear();
        if (!Enumerate(_columns - 2, node.Rows, ref visitor)) return false;
        _completions.Sort();
        var count = _completions.Count;
        var top = _completions[count - 1];
        if (_prefix.Length < count + 1) _prefix = new double[2 * count + 1];
        _prefix[0] = 0;
        for (var i = 0; i < count; i++) _prefix[i + 1] = _prefix[i] + Math.Exp(_completions[i] - top);
        for (var e = 0; e < node.Count; e++)
        {
            var past = node.Past[e];
            var included = UpperBound(_completions, _threshold - past);
            if (included > 0) _p += node.Weight[e] * Math.Exp(_constant + past + top) * _prefix[included];
        }
        _work += node.Count;
        return _work <= _budget;
    }

    /// <summary>Number of values ≤ limit in an ascending list.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int UpperBound(IReadOnlyList<double> ascending, double limit)
    {
        int low = 0, high = ascending.Count;
        while (low < high)
        {
            var mid = (low + high) >>> 1;
            if (ascending[mid] <= limit) low = mid + 1;
            else high = mid;
        }
        return low;
    }

    /// <summary>log of the total weight Σ Π 1/n_ij! of all completions of a node at column k.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private double LogSubtree(int k, int[] rows)
    {
        var total = 0;
        var value = -_logColumnSuffix[k];
        foreach (var x in rows)
        {
            total += x;
            value -= _logF[x];
        }
        return value + _logF[total];
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private long Key(int[] sortedRows)
    {
        long key = 0;
        foreach (var x in sortedRows) key = key * _radix + x;
        return key;
    }

    /// <summary>Visits every way to fill column k from the remaining row totals; false when over budget.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool Enumerate<TVisitor>(int k, int[] rows, ref TVisitor visitor) where TVisitor : struct, IFillingVisitor
    {
        var below = _capacityBelow[k];
        for (var i = _rows - 1; i >= 0; i--) below[i] = below[i + 1] + rows[i];
        return Fill(k, rows, 0, _columnTotals[k], 0.0, ref visitor);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool Fill<TVisitor>(int k, int[] rows, int row, int left, double delta, ref TVisitor visitor)
        where TVisitor : struct, IFillingVisitor
    {
        var cell = _cell[k];
        if (row == _rows - 1)
        {
            cell[row] = left;
            var child = _child[k];
            for (var i = 0; i < _rows; i++) child[i] = rows[i] - cell[i];
            SortDescending(child);
            return ++_work <= _budget && visitor.Visit(this, k, delta - _logF[left], child);
        }
        var low = Math.Max(0, left - _capacityBelow[k][row + 1]);
        var high = Math.Min(rows[row], left);
        for (var n = low; n <= high; n++)
        {
            cell[row] = n;
            if (!Fill(k, rows, row + 1, left - n, delta - _logF[n], ref visitor)) return false;
        }
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void SortDescending(int[] values)
    {
        for (var i = 1; i < values.Length; i++)
        {
            var v = values[i];
            var j = i - 1;
            while (j >= 0 && values[j] < v)
            {
                values[j + 1] = values[j];
                j--;
            }
            values[j + 1] = v;
        }
    }
}
