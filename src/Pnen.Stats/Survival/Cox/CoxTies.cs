namespace Pnen.Stats.Survival.Cox;

/// <summary>How tied event times enter the partial likelihood.</summary>
public enum CoxTies
{
    /// <summary>Efron's approximation: R's default and the more accurate of the two.</summary>
    Efron,

    /// <summary>Breslow's approximation: every tied death sees the full risk set.</summary>
    Breslow,
}
