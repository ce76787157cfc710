using System.Runtime.CompilerServices;

namespace Pnen.Stats.Hypothesis;

// Bounds on the heaviest and lightest completion of a node (see FisherNetwork.cs).
internal sealed partial class FisherNetwork
{
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
}
