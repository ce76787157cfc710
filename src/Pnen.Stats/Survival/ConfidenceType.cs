namespace Pnen.Stats.Survival;

/// <summary>How the pointwise confidence interval of a survival curve is formed (R's conf.type).</summary>
public enum ConfidenceType
{
    /// <summary>S·exp(±z·se(log S)), upper limit capped at 1. R's default.</summary>
    Log,

    /// <summary>exp(-exp(log(-log S) ± z·se/log S)); undefined where S is 0 or 1.</summary>
    LogLog,

    /// <summary>S ± z·S·se(log S), clipped to [0, 1].</summary>
    Plain,
}
