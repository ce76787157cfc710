namespace PnenSurgery.Synthesis.Calibration;

/// <summary>
/// A published number that depends on survival times. <see cref="Weight"/> is its weight in the
/// seed score (estimates from few events count less). <see cref="Source"/> says where in the
/// paper it is (published.json path). A <see cref="Descriptive"/> target is a log-rank P of a
/// variable the survival model does not use: it depends on how that variable is dealt, not on
/// the model, and is matched by choosing the descriptive shuffle.
/// </summary>
public sealed record Target(string Key, string Label, double Published, TargetKind Kind, double Weight, string Source, bool Descriptive = false)
{
    /// <summary>The screening threshold of the paper's univariate analyses (P &lt;= 0.15).</summary>
    public const double Screening = 0.15;

    /// <summary>The paper's significance level (two-sided P &lt;= 0.05).</summary>
    public const double Significance = 0.05;
}
