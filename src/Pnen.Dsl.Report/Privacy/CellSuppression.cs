namespace Pnen.Dsl.Report;

/// <summary>
/// Small-cell suppression with complementary suppression, for counts bound together by sums that a
/// reader can see (a column of a table and its total, arms and the cohort size, a flow's steps).
/// Primary: every count from 1 to threshold - 1 is hidden (0 may show). Complementary: more counts
/// are hidden until (a) no hidden count can be computed exactly from the shown counts through the
/// sums (checked by elimination over the hidden counts, so chains of sums are covered, not only a
/// line with a single hidden cell), and (b) in every sum, the hidden counts together hold at least
/// the threshold, so that two hidden cells summing to 2 cannot both be read as 1. The complement is
/// a non-zero shown count of a sum that needs one (zeros only when nothing else is left), the one
/// that takes part in the fewest sums (hiding the number recruited costs less than hiding the final
/// cohort, which every table repeats and which its arms would give away), then the smallest, ties
/// broken by registration order: deterministic.
/// </summary>
internal sealed class CellSuppression
{
    private const double Tolerance = 1e-9;

    private readonly List<int> _values = [];
    private readonly List<bool> _candidate = [];
    private readonly List<(int Cell, int Sign)[]> _sums = [];
    private bool[] _hidden = [];
    private int[] _sumsOf = [];

    public int Count => _values.Count;

    /// <summary>Registers a published count; returns its id.</summary>
    public int Cell(int value)
    {
        _values.Add(value);
        _candidate.Add(true);
        return _values.Count - 1;
    }

    /// <summary>Declares that <paramref name="total"/> is the sum of <paramref name="parts"/>. When the
    /// parts fall short (records the table does not show, e.g. a missing exposure), the difference is
    /// added as a part the reader is assumed to know, which is the cautious assumption.</summary>
    public void Sum(int total, IReadOnlyList<int> parts)
    {
        var distinct = parts.Where(p => p != total).Distinct().ToArray();
        if (distinct.Length == 0) return;
        var members = new List<(int, int)> { (total, -1) };
        members.AddRange(distinct.Select(p => (p, 1)));
        var rest = _values[total] - distinct.Sum(p => _values[p]);
        if (rest != 0)
        {
            var known = Cell(rest);
            _candidate[known] = false;
            members.Add((known, 1));
        }
        _sums.Add(members.ToArray());
    }

    public bool IsHidden(int cell) => cell < _hidden.Length && _hidden[cell];

    public int HiddenCount => _hidden.Count(h => h);

    /// <summary>Decides which counts are hidden.</summary>
    public void Solve(int threshold)
    {
        _hidden = new bool[_values.Count];
        for (var c = 0; c < _values.Count; c++) _hidden[c] = _candidate[c] && _values[c] >= 1 && _values[c] < threshold;
        var sumsByCell = SumsByCell();
        _sumsOf = sumsByCell.Select(s => s.Count).ToArray();
        while (true)
        {
            // A sum with a single hidden count gives it away directly: hide a second one there.
            var changed = false;
            for (var s = 0; s < _sums.Count; s++)
            {
                if (_sums[s].Count(m => _hidden[m.Cell]) == 1 && HideComplement([s])) changed = true;
            }
            // A sum whose hidden counts add up to little gives them away by their bounds.
            for (var s = 0; s < _sums.Count; s++)
            {
                if (Light(s, threshold) && HideComplement([s])) changed = true;
            }
            if (changed) continue;

            // Counts that only a combination of sums gives away: one complement at a time, as
            // each may settle others.
            var determined = Determined();
            if (determined.Count == 0) return;
            if (!HideComplement(sumsByCell[determined[0]]) && !HideComplement(SumsWithHidden())) return;
        }
    }

    /// <summary>With the total shown, the hidden parts' sum can be read off; when it is below the
    /// threshold the parts are pinned down too closely. (With the total hidden only differences can
    /// be read, and those are the elimination's business.)</summary>
    private bool Light(int sum, int threshold)
    {
        if (_hidden[_sums[sum][0].Cell]) return false;
        var anyHidden = false;
        var mass = 0;
        foreach (var (cell, _) in _sums[sum])
        {
            if (!_hidden[cell]) continue;
            anyHidden = true;
            mass += _values[cell];
        }
        return anyHidden && mass < threshold;
    }

    private int[] SumsWithHidden() => Enumerable.Range(0, _sums.Count).Where(s => _sums[s].Any(m => _hidden[m.Cell])).ToArray();

    /// <summary>For each cell, the sums it takes part in.</summary>
    private List<int>[] SumsByCell()
    {
        var sumsByCell = Enumerable.Range(0, _values.Count).Select(_ => new List<int>()).ToArray();
        for (var s = 0; s < _sums.Count; s++)
        {
            foreach (var (cell, _) in _sums[s]) sumsByCell[cell].Add(s);
        }
        return sumsByCell;
    }

    /// <summary>Hides the smallest shown count of the given sums (non-zero first); false when none is left.</summary>
    private bool HideComplement(IReadOnlyList<int> sums)
    {
        var best = -1;
        foreach (var s in sums)
        {
            foreach (var (cell, _) in _sums[s])
            {
                if (_hidden[cell] || !_candidate[cell]) continue;
                if (best < 0 || Better(cell, best)) best = cell;
            }
        }
        if (best < 0) return false;
        _hidden[best] = true;
        return true;
    }

    private bool Better(int cell, int than)
    {
        var (a, b) = (_values[cell], _values[than]);
        if ((a == 0) != (b == 0)) return a != 0;
        if (_sumsOf[cell] != _sumsOf[than]) return _sumsOf[cell] < _sumsOf[than];
        return a != b ? a < b : cell < than;
    }

    /// <summary>The hidden counts a reader could compute exactly: reduce the sums to the hidden counts
    /// (shown counts move to the constant side), bring them to reduced row echelon form, and a hidden
    /// count is determined when its pivot row has no other hidden count left in it.</summary>
    private List<int> Determined()
    {
        var columns = Enumerable.Range(0, _values.Count).Where(c => _hidden[c]).ToArray();
        if (columns.Length == 0) return [];
        var index = new Dictionary<int, int>();
        for (var i = 0; i < columns.Length; i++) index[columns[i]] = i;
        var rows = new List<double[]>();
        foreach (var sum in _sums)
        {
            if (!sum.Any(m => _hidden[m.Cell])) continue;
            var row = new double[columns.Length];
            foreach (var (cell, sign) in sum)
            {
                if (_hidden[cell]) row[index[cell]] += sign;
            }
            rows.Add(row);
        }

        var pivotRow = 0;
        var pivotOf = new int[rows.Count];
        Array.Fill(pivotOf, -1);
        for (var col = 0; col < columns.Length && pivotRow < rows.Count; col++)
        {
            var best = -1;
            for (var r = pivotRow; r < rows.Count; r++)
            {
                if (Math.Abs(rows[r][col]) > Tolerance && (best < 0 || Math.Abs(rows[r][col]) > Math.Abs(rows[best][col]))) best = r;
            }
            if (best < 0) continue;
            (rows[pivotRow], rows[best]) = (rows[best], rows[pivotRow]);
            var pivot = rows[pivotRow];
            var scale = pivot[col];
            for (var j = 0; j < pivot.Length; j++) pivot[j] /= scale;
            for (var r = 0; r < rows.Count; r++)
            {
                if (r == pivotRow || Math.Abs(rows[r][col]) <= Tolerance) continue;
                var factor = rows[r][col];
                var target = rows[r];
                for (var j = 0; j < target.Length; j++) target[j] -= factor * pivot[j];
            }
            pivotOf[pivotRow] = col;
            pivotRow++;
        }

        var determined = new List<int>();
        for (var r = 0; r < pivotRow; r++)
        {
            var others = 0;
            for (var j = 0; j < columns.Length; j++)
            {
                if (j != pivotOf[r] && Math.Abs(rows[r][j]) > Tolerance) others++;
            }
            if (others == 0) determined.Add(columns[pivotOf[r]]);
        }
        determined.Sort();
        return determined;
    }
}
