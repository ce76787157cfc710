namespace Pnen.Stats.Survival.Concordance;

/// <summary>
/// A growing set of a block's rows, counted by predictor: what each side of
/// <see cref="ConcordanceCounter"/>'s walk asks of its tree. Rows are the block's (0-based).
/// Implemented by structs, so that the walk is compiled once per tree with direct calls.
/// </summary>
internal interface IRankCounts
{
    double Total { get; }

    void Add(int row, double weight);

    /// <summary>The weight in the set with a smaller predictor than the row's, an equal one, a larger one.</summary>
    (double Below, double At, double Above) Split(int row);

    /// <summary>Nothing more will be added; the queries that follow may read a faster form.</summary>
    void Freeze();
}

/// <summary>Case weights on the tree of weights per rank (<see cref="FenwickTree"/>).</summary>
internal readonly struct WeightedRanks(FenwickTree tree, int[] rank) : IRankCounts
{
    public double Total => tree.Total;

    public void Add(int row, double weight) => tree.Add(rank[row], weight);

    public (double Below, double At, double Above) Split(int row) => tree.Split(rank[row]);

    public void Freeze() => tree.Freeze();
}

/// <summary>Unit weights on the occupied slots of <see cref="PredictorSlots"/> (<see cref="SlotCounter"/>).</summary>
internal readonly struct UnitSlots(SlotCounter counter, PredictorSlots slots) : IRankCounts
{
    public double Total => counter.Total;

    public void Add(int row, double weight) => counter.Add(slots.Slot[row]);

    public (double Below, double At, double Above) Split(int row)
    {
        var low = slots.Low[row];
        var high = slots.High[row];
        var below = counter.Below(low);
        // Without ties on the predictor the run is one slot: a bit test, not a second count.
        var upTo = high == low + 1 ? below + (counter.Has(low) ? 1 : 0) : counter.Below(high);
        return (below, upTo - below, counter.Total - upTo);
    }

    public void Freeze() => counter.Freeze();
}
