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
internal sealed class FisherNetwork
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

    /// <summary>Exact (heaviest, lightest) completion log-weight of a node; null when over budget.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private (double Heaviest, double Lightest)? Bounds(int k, int[] rows)
    {
        if (k == _columns - 1)
        {
            var forced = 0.0;
            foreach (var x in rows) forced -= _logF[x];
            return (forced, forced);
        }
        var key = Key(rows);
        if (_bounds[k].TryGetValue(key, out var known)) return known;
        (double, double) bounds;
        if (k == _columns - 2 && _rows <= MaxRowsForVertexSearch)
        {
            bounds = (HeaviestOfTwo(rows, _columnTotals[k]), LightestOfTwo(rows, _columnTotals[k]));
            _work += _rows;
        }
        else
        {
            var visitor = new BoundsVisitor();
            if (!Enumerate(k, rows, ref visitor)) return null;
            bounds = (visitor.Heaviest, visitor.Lightest);
        }
        _bounds[k][key] = bounds;
        return bounds;
    }

    /// <summary>
    /// Bounds on the heaviest and lightest completion that cost O(r·c): dropping the row (or the
    /// column) constraints makes each column (or row) a separate problem, solved exactly by spreading
    /// its total as evenly as the caps allow (heaviest) or filling the largest caps first (lightest).
    /// Exact with one or two columns left, where the exact bounds are cheap anyway.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private (double Heaviest, double Lightest) RelaxedBounds(int k, int[] rowsDescending)
    {
        if (k >= _columns - 2 && (k == _columns - 1 || _rows <= MaxRowsForVertexSearch)) return Bounds(k, rowsDescending)!.Value;
        double columnHeavy = 0, columnLight = 0, rowHeavy = 0, rowLight = 0;
        var columnsAscending = _columnTotals.AsSpan(k);
        foreach (var c in columnsAscending)
        {
            columnHeavy += Spread(c, rowsDescending, smallestFirstFromEnd: true);
            columnLight += Concentrate(c, rowsDescending, largestFirstFromStart: true);
        }
        foreach (var r in rowsDescending)
        {
            rowHeavy += Spread(r, columnsAscending, smallestFirstFromEnd: false);
            rowLight += Concentrate(r, columnsAscending, largestFirstFromStart: false);
        }
        return (Math.Min(columnHeavy, rowHeavy), Math.Max(columnLight, rowLight));
    }

    /// <summary>max −Σ log n_i! over Σ n_i = total, 0 ≤ n_i ≤ cap_i: as even as the caps allow.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private double Spread(int total, ReadOnlySpan<int> sortedCaps, bool smallestFirstFromEnd)
    {
        var value = 0.0;
        var slots = sortedCaps.Length;
        for (var s = 0; s < sortedCaps.Length; s++)
        {
            var cap = sortedCaps[smallestFirstFromEnd ? sortedCaps.Length - 1 - s : s];
            if ((long)cap * slots <= total)
            {
                value -= _logF[cap];
                total -= cap;
                slots--;
                continue;
            }
            // Every cap from here on exceeds the even share of what is left: split it evenly.
            int share = total / slots, extra = total % slots;
            return value - extra * _logF[share + 1] - (slots - extra) * _logF[share];
        }
        return value;
    }

    /// <summary>min −Σ log n_i! over Σ n_i = total, 0 ≤ n_i ≤ cap_i: fill the largest caps first.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private double Concentrate(int total, ReadOnlySpan<int> sortedCaps, bool largestFirstFromStart)
    {
        var value = 0.0;
        for (var s = 0; s < sortedCaps.Length && total > 0; s++)
        {
            var n = Math.Min(sortedCaps[largestFirstFromStart ? s : sortedCaps.Length - 1 - s], total);
            value -= _logF[n];
            total -= n;
        }
        return value;
    }

    /// <summary>
    /// Two columns left, the first of total a: the heaviest completion maximises
    /// Σ g_i(x_i), g_i(x) = −log x! − log (r_i − x)!, a separable concave function under Σ x_i = a,
    /// 0 ≤ x_i ≤ r_i, so adding one unit at a time where the gain log((r_i − x_i)/(x_i + 1)) is
    /// largest reaches the optimum.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private double HeaviestOfTwo(int[] rows, int a)
    {
        var x = _greedy;
        Array.Clear(x);
        for (var unit = 0; unit < a; unit++)
        {
            int best = -1;
            var bestGain = double.NegativeInfinity;
            for (var i = 0; i < _rows; i++)
            {
                if (x[i] == rows[i]) continue;
                var gain = Math.Log((rows[i] - x[i]) / (x[i] + 1.0));
                if (gain > bestGain)
                {
                    bestGain = gain;
                    best = i;
                }
            }
            x[best]++;
        }
        var value = 0.0;
        for (var i = 0; i < _rows; i++) value -= _logF[x[i]] + _logF[rows[i] - x[i]];
        return value;
    }

    /// <summary>
    /// Two columns left: the lightest completion minimises a concave function over the polytope, so
    /// it lies at a vertex, where every row but one (j) is all in one column. Since g_i(0) = g_i(r_i),
    /// the value is −Σ log r_i! + log C(r_j, x_j) with x_j = a − Σ over a subset of the other rows.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private double LightestOfTwo(int[] rows, int a)
    {
        var baseline = 0.0;
        foreach (var r in rows) baseline -= _logF[r];
        var best = double.PositiveInfinity;
        for (var j = 0; j < _rows; j++)
        {
            var others = _rows - 1;
            for (var mask = 0; mask < 1 << others; mask++)
            {
                var sum = 0;
                for (int bit = 0, i = 0; i < _rows; i++)
                {
                    if (i == j) continue;
                    if ((mask & (1 << bit++)) != 0) sum += rows[i];
                }
                var xj = a - sum;
                if (xj < 0 || xj > rows[j]) continue;
                best = Math.Min(best, _logF[rows[j]] - _logF[xj] - _logF[rows[j] - xj]);
            }
        }
        return baseline + best;
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

    private interface IFillingVisitor
    {
        /// <summary>One filling of column k: its log-weight and the (sorted) row totals left after it.</summary>
        bool Visit(FisherNetwork network, int k, double delta, int[] child);
    }

    private struct BoundsVisitor() : IFillingVisitor
    {
        public double Heaviest = double.NegativeInfinity;
        public double Lightest = double.PositiveInfinity;

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]

        public bool Visit(FisherNetwork network, int k, double delta, int[] child)
        {
            if (network.Bounds(k + 1, child) is not var (heaviest, lightest)) return false;
            Heaviest = Math.Max(Heaviest, delta + heaviest);
            Lightest = Math.Min(Lightest, delta + lightest);
            return true;
        }
    }

    /// <summary>Collects the weight of each completion of a node with two columns left.</summary>
    private readonly struct CompletionVisitor(List<double> completions) : IFillingVisitor
    {
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public bool Visit(FisherNetwork network, int k, double delta, int[] child)
        {
            var forced = delta;
            foreach (var x in child) forced -= network._logF[x];
            completions.Add(forced);
            return true;
        }
    }

    /// <summary>
    /// Carries a node's paths along one filling. The paths are sorted by past, so those whose every
    /// completion counts form a prefix (added in one step from the prefix sums), those with none a
    /// suffix (dropped), and only the straddling ones in between are stored at the child node.
    /// </summary>
    private readonly struct ExtendVisitor(Node node, Dictionary<long, Node> next) : IFillingVisitor
    {
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public bool Visit(FisherNetwork network, int k, double delta, int[] child)
        {
            var past = node.Past;
            // Cheap bounds first; the exact ones (a recursion over the child's subtree) only when
            // the cheap ones leave some path undecided.
            var (heaviest, lightest) = network.RelaxedBounds(k + 1, child);
            var counted = UpperBound(past, network._threshold - delta - heaviest);
            var kept = UpperBound(past, network._threshold - delta - lightest);
            if (kept > counted)
            {
                if (network.Bounds(k + 1, child) is not { } exact) return false;
                (heaviest, lightest) = exact;
                counted = UpperBound(past, network._threshold - delta - heaviest);
                kept = UpperBound(past, network._threshold - delta - lightest);
            }
            if (counted > 0)
            {
                network._p += node.Prefix[counted] *
                    Math.Exp(network._constant + node.MaxPast + delta + network.LogSubtree(k + 1, child));
            }
            if (kept > counted)
            {
                var key = network.Key(child);
                if (!next.TryGetValue(key, out var target))
                {
                    target = new Node((int[])child.Clone());
                    next[key] = target;
                }
                for (var e = counted; e < kept; e++) target.Add(past[e] + delta, node.Weight[e]);
                network._work += kept - counted;
            }
            return network._work <= network._budget;
        }
    }

    /// <summary>The paths reaching one node: distinct past log-weights with multiplicities.</summary>
    private sealed class Node(int[] rows)
    {
        private const double Resolution = 1e9; // pasts closer than 1e-9 in log are the same value
        private Dictionary<long, int>? _index = [];
        private List<double>? _pastList = [];
        private List<double>? _weightList = [];

        public int[] Rows { get; } = rows;

        /// <summary>Pasts in ascending order (after <see cref="Seal"/>).</summary>
        public double[] Past { get; private set; } = [];

        public double[] Weight { get; private set; } = [];

        /// <summary>Prefix[i] = Σ over the first i paths of weight · exp(past − MaxPast).</summary>
        public double[] Prefix { get; private set; } = [];

        public double MaxPast { get; private set; }

        public int Count => Past.Length;

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]

        public void Add(double past, double weight)
        {
            var key = (long)Math.Round(past * Resolution);
            if (_index!.TryGetValue(key, out var at))
            {
                _weightList![at] += weight;
                return;
            }
            _index[key] = _pastList!.Count;
            _pastList.Add(past);
            _weightList!.Add(weight);
        }

        /// <summary>Ends the adding: sorts the paths by past and builds the prefix sums.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public Node Seal()
        {
            Past = [.. _pastList!];
            Weight = [.. _weightList!];
            Array.Sort(Past, Weight);
            MaxPast = Past[^1];
            Prefix = new double[Past.Length + 1];
            for (var e = 0; e < Past.Length; e++) Prefix[e + 1] = Prefix[e] + Weight[e] * Math.Exp(Past[e] - MaxPast);
            _index = null;
            _pastList = null;
            _weightList = null;
            return this;
        }
    }
}
