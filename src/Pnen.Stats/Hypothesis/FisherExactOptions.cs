namespace Pnen.Stats.Hypothesis;

/// <summary>How Fisher's exact test is computed.</summary>
public sealed record FisherExactOptions
{
    /// <summary>Exact when within budget, else 2000 Monte Carlo replicates with seed 12345.</summary>
    public static FisherExactOptions Default { get; } = new();

    /// <summary>
    /// Work allowed to the exact r × c algorithm, in path extensions (about 10⁷ per second). Tables the
    /// size of a baseline table need far less; beyond it the p-value is simulated.
    /// </summary>
    public long ExactBudget { get; init; } = 50_000_000;

    /// <summary>Simulate even when the exact algorithm would fit the budget (as R's <c>simulate.p.value = TRUE</c>).</summary>
    public bool AlwaysSimulate { get; init; }

    /// <summary>Number of simulated tables B (R's default is 2000).</summary>
    public int Replicates { get; init; } = 2000;

    /// <summary>
    /// The seed of the simulation, as R's <c>set.seed</c>: with the same seed and B the simulated p-value
    /// equals R's <c>set.seed(seed); fisher.test(x, simulate.p.value = TRUE, B = B)$p.value</c>.
    /// </summary>
    public int Seed { get; init; } = 12345;
}
