namespace Pnen.Stats.Survival.Cox.Zph;

/// <summary>The function of time against which <see cref="CoxZph"/> tests each coefficient, as the
/// <c>transform</c> argument of R's <c>cox.zph</c>.</summary>
public enum ZphTransform
{
    /// <summary>1 − S(t−) of the Kaplan-Meier curve of all analysed rows: R's default, robust to
    /// the long sparse tail of follow-up.</summary>
    KaplanMeier,

    /// <summary>The rank of the time among all analysed times (ties get their average rank).</summary>
    Rank,

    /// <summary>Time itself.</summary>
    Identity,

    /// <summary>log(time); needs every event time above 0.</summary>
    Log,
}
