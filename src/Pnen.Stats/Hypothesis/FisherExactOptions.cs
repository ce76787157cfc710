namespace Pnen.Stats.Hypothesis;

/// <summary>How Fisher's exact test is computed.</summary>
public sealed record FisherExactOptions
{
    /// <summary>Exact when within budget, else 2000 Monte Carlo replicates with seed 12345.</summary>
    public static FisherExactOptions Default { get; } = new();

    /// <summary>
    /// Work allowed to the exact r × c algorithm, in enumerated column fillings and path extensions
    /// (of the order of 10⁷ per second). A typical baseline-table row needs well under 10⁶ (the
    /// paper's 4 × 3 grading row: about 2·10⁵); beyond the budget the p-value is simulated. Raise it
    /// to keep larger tables exact (a 5 × 3 table of 625 patients with one rare level needs about
    /// 3·10⁷, where R's default workspace fails).
    /// </summary>
    public long ExactBudget { get; init; } = 10_000_000;

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
