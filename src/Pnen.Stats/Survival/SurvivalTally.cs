namespace Pnen.Stats.Survival;

/// <summary>
/// Counts right-censored rows per (stratum, group, time) in one pass, through an open-addressing
/// hash table of the distinct cells: what <c>GROUP BY stratum, group, time</c> gives a SQL engine,
/// done in memory. Kaplan-Meier and the log-rank test need nothing more than these counts
/// (<see cref="KaplanMeier.FitCounts"/>, <see cref="LogRank.TestCounts"/> give exactly the
/// row-level results from them), so when times are tied heavily, as follow-up in whole days or
/// tenths of a month is, the rows need not be sorted at all: the work is one read of the columns
/// and the memory is a few bytes per distinct cell instead of the sort's 37 bytes a row.
/// Continuous times make nearly every row its own cell; the tally then gives up once it holds
/// more cells than <see cref="MaxCells"/> allows, and the caller sorts the rows instead.
/// </summary>
internal static class SurvivalTally
{
    /// <summary>The most cells worth counting for n rows: one for every 16 rows keeps the table,
    /// the counts and their merge within a few bytes a row (the sort takes 37), and never fewer
    /// than 4,096, below which memory does not matter.</summary>
    public static int MaxCells(int rows) => Math.Max(4096, rows / 16);

    /// <summary>
    /// The counts of the rows, or null when they fall into more than <paramref name="maxCells"/>
    /// distinct (stratum, group, time) cells. Times must be finite and non-negative (checked by the
    /// caller); -0 counts as 0, as the two compare equal. An empty group or stratum span means 0.
    /// </summary>
    public static SurvivalCounts? TryCount(ReadOnlySpan<double> time, ReadOnlySpan<bool> status, ReadOnlySpan<int> group, ReadOnlySpan<int> stratum, int maxCells)
    {
        var table = new CellTable(Math.Min(maxCells, 1024));
        return table.Add(time, status, group, stratum, maxCells) ? table.ToCounts() : null;
    }

    /// <summary>Cells in the order first seen (dense arrays), found through a power-of-two index
    /// of cell numbers + 1 (0 = empty slot) kept at most half full, probed linearly.</summary>
    private sealed class CellTable
    {
        private int[] _index;
        private ulong[] _timeBits;
        private int[] _stratum;
        private int[] _group;
        private int[] _events;
        private int[] _censored;
        private int _count;

        public CellTable(int capacity)
        {
            capacity = Math.Max(capacity, 16);
            _index = new int[2 * (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)capacity)];
            _timeBits = new ulong[capacity];
            _stratum = new int[capacity];
            _group = new int[capacity];
            _events = new int[capacity];
            _censored = new int[capacity];
        }

        /// <summary>Counts the rows; false once they need more than <paramref name="maxCells"/> cells.</summary>
        public bool Add(ReadOnlySpan<double> time, ReadOnlySpan<bool> status, ReadOnlySpan<int> group, ReadOnlySpan<int> stratum, int maxCells)
        {
            // The hot loop keeps the table's arrays in locals (reloaded only when a new cell may
            // have moved them): most rows find their cell at the first probe.
            var (index, timeBits, groups, strata, events, censored) = (_index, _timeBits, _group, _stratum, _events, _censored);
            for (var i = 0; i < time.Length; i++)
            {
                var bits = (ulong)BitConverter.DoubleToInt64Bits(time[i] == 0 ? 0 : time[i]);
                var (s, g) = (stratum.IsEmpty ? 0 : stratum[i], group.IsEmpty ? 0 : group[i]);
                var mask = index.Length - 1;
                var slot = (int)Hash(bits, s, g) & mask;
                int cell;
                while (true)
                {
                    cell = index[slot] - 1;
                    if (cell < 0 || (timeBits[cell] == bits && groups[cell] == g && strata[cell] == s)) break;
                    slot = (slot + 1) & mask;
                }
                if (cell < 0)
                {
                    if (_count == maxCells) return false;
                    cell = NewCell(bits, s, g);
                    (index, timeBits, groups, strata, events, censored) = (_index, _timeBits, _group, _stratum, _events, _censored);
                }
                if (status[i]) events[cell]++;
                else censored[cell]++;
            }
            return true;
        }

        /// <summary>Adds a cell the table does not hold, growing the arrays and the index as needed.</summary>
        private int NewCell(ulong timeBits, int stratum, int group)
        {
            if (_count == _timeBits.Length) Grow();
            var cell = _count++;
            _timeBits[cell] = timeBits;
            _stratum[cell] = stratum;
            _group[cell] = group;
            if (2 * _count > _index.Length)
            {
                _index = new int[2 * _index.Length];
                for (var c = 0; c < _count; c++) Place(c);
            }
            else
            {
                Place(cell);
            }
            return cell;
        }

        /// <summary>Puts a cell at the first empty slot from its hash (its key is not in the index).</summary>
        private void Place(int cell)
        {
            var mask = _index.Length - 1;
            var slot = (int)Hash(_timeBits[cell], _stratum[cell], _group[cell]) & mask;
            while (_index[slot] != 0) slot = (slot + 1) & mask;
            _index[slot] = cell + 1;
        }

        private void Grow()
        {
            var size = 2 * _timeBits.Length;
            Array.Resize(ref _timeBits, size);
            Array.Resize(ref _stratum, size);
            Array.Resize(ref _group, size);
            Array.Resize(ref _events, size);
            Array.Resize(ref _censored, size);
        }

        public SurvivalCounts ToCounts()
        {
            var time = new double[_count];
            for (var cell = 0; cell < _count; cell++) time[cell] = BitConverter.Int64BitsToDouble((long)_timeBits[cell]);
            return new SurvivalCounts(_stratum[.._count], _group[.._count], time, _events[.._count], _censored[.._count]);
        }

        /// <summary>SplitMix64's finaliser (Steele, Lea and Flood 2014) of the three parts: times a
        /// tenth apart differ only in their high mantissa bits, and whole or half days in none of the
        /// low 46, so the index's low bits must come from a full mix of the key.</summary>
        private static ulong Hash(ulong timeBits, int stratum, int group)
        {
            var x = timeBits ^ ((ulong)(uint)group * 0x9E3779B97F4A7C15UL) ^ ((ulong)(uint)stratum * 0xC2B2AE3D27D4EB4FUL);
            x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
            x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
            return x ^ (x >> 31);
        }
    }
}
