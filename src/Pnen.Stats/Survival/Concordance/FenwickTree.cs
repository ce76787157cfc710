namespace Pnen.Stats.Survival.Concordance;

/// <summary>Sums of weights by rank, with prefix sums in O(log n): the balanced tree of
/// concordance.c, as a binary indexed tree.</summary>
internal sealed class FenwickTree
{
    private readonly double[] _tree;
    private readonly double[] _node;

    public FenwickTree(int size)
    {
        _tree = new double[size + 1];
        _node = new double[size];
    }

    public double Total { get; private set; }

    public void Add(int rank, double weight)
    {
        _node[rank] += weight;
        Total += weight;
        for (var i = rank + 1; i < _tree.Length; i += i & -i) _tree[i] += weight;
    }

    /// <summary>For every rank at once, the weight below it: a running sum of the weights by rank,
    /// O(n) with sequential reads where n calls of <see cref="Split"/> jump about the tree.</summary>
    public double[] AllBelow()
    {
        var below = new double[_node.Length];
        var sum = 0.0;
        for (var k = 0; k < _node.Length; k++)
        {
            below[k] = sum;
            sum += _node[k];
        }
        return below;
    }

    public double At(int rank) => _node[rank];

    /// <summary>(weight below the rank, at it, above it).</summary>
    public (double Below, double At, double Above) Split(int rank)
    {
        var below = 0.0;
        for (var i = rank; i > 0; i -= i & -i) below += _tree[i];
        var at = _node[rank];
        return (below, at, Total - below - at);
    }
}
