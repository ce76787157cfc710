using System.Numerics;

namespace Pnen.Stats.Survival.Concordance;

/// <summary>
/// Which of n slots are occupied, with the count below any slot in O(log(n/64)): a bit per slot and
/// a binary indexed tree of the count per 64-bit word. The tree of concordance.c for unit case
/// weights, in n/8 bytes of bits and n/16 of counts: at a million rows it stays in the cache,
/// where a tree of weights per rank (16 bytes a rank) misses it on most steps.
/// </summary>
internal sealed class SlotCounter
{
    private readonly ulong[] _bits;
    private readonly int[] _tree; // _tree[k] (1-based): set bits in words (k − lowbit(k), k]
    private int[]? _prefix;       // set bits in the words before each word, once frozen

    public SlotCounter(int slots)
    {
        var words = (slots >> 6) + 1; // a query at slot n reads one word past the last slot
        _bits = new ulong[words];
        _tree = new int[words + 1];
    }

    public int Total { get; private set; }

    public void Add(int slot)
    {
        var word = slot >> 6;
        _bits[word] |= 1UL << slot; // the shift count is taken mod 64
        Total++;
        for (var k = word + 1; k < _tree.Length; k += k & -k) _tree[k]++;
    }

    public bool Has(int slot) => (_bits[slot >> 6] & (1UL << slot)) != 0;

    /// <summary>Occupied slots below <paramref name="slot"/> (0..n).</summary>
    public int Below(int slot)
    {
        var word = slot >> 6;
        var count = BitOperations.PopCount(_bits[word] & ((1UL << slot) - 1));
        if (_prefix is not null) return count + _prefix[word];
        for (var k = word; k > 0; k -= k & -k) count += _tree[k];
        return count;
    }

    /// <summary>No more slots will be added: from now on <see cref="Below"/> reads one running sum
    /// per word instead of walking the tree.</summary>
    public void Freeze()
    {
        var prefix = new int[_bits.Length];
        var sum = 0;
        for (var w = 0; w < _bits.Length; w++)
        {
            prefix[w] = sum;
            sum += BitOperations.PopCount(_bits[w]);
        }
        _prefix = prefix;
    }
}
