namespace Pnen.Stats.Survival.Concordance;

/// <summary>Sums of weights by rank, with prefix sums in O(log n): the balanced tree of
/// concordance.c, as a binary indexed tree.</summary>
internal sealed class FenwickTree
{
    private readonly double[] _tree;
    private readonly double[] _node;
    private double[]? _below; // once frozen: the weight below each rank

    public FenwickTree(int size)
    {
        _tree = new double[size + 1];
        _node = new double[size];
    }

    public double Total { get; private set; }

    /// <summary>No more adds: from now on the weight below a rank is read from one running sum of
    /// the weights by rank, computed here in O(n) with sequential reads, where n walks of the tree
    /// would jump about it.</summary>
    public void Freeze()
    {
        var below = new double[_node.Length];
        var sum = 0.0;
        for (var k = 0; k < _node.Length; k++)
        {
            below[k] = sum;
            sum += _node[k];
        }
        _below = below;
    }

    public void Add(int rank, double weight)
    {
        _node[rank] += weight;
        Total += weight;
        for (var i = rank + 1; i < _tree.Length; i += i & -i) _tree[i] += weight;
    }

    /// <summary>(weight below the rank, at it, above it).</summary>
    public (double Below, double At, double Above) Split(int rank)
    {
        var below = 0.0;
        if (_below is not null) below = _below[rank];
        else for (var i = rank; i > 0; i -= i & -i) below += _tree[i];
        var at = _node[rank];
        return (below, at, Total - below - at);
    }
}
