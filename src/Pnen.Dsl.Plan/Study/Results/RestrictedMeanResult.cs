namespace Pnen.Dsl;

/// <summary>
/// The restricted mean survival time of one exposure level to the plan's horizon, as R's survfit
/// (<c>print(fit, rmean = tau)</c>) with a normal-theory 95% CI; and its difference from the reference
/// level (independent groups: the standard errors add in quadrature, as survRM2's rmst2).
/// </summary>
public sealed record ArmRestrictedMean(string Level, int N, double? Mean, double? StdErr, double? Lower, double? Upper, RestrictedMeanDifference? Difference);

/// <summary>A level's restricted mean minus the reference's, with its 95% CI and the two-sided P of the z test.</summary>
public sealed record RestrictedMeanDifference(string Reference, double? Difference, double? StdErr, double? Lower, double? Upper, double? P);

/// <summary>Restricted mean survival per exposure level: <c>cohort.RestrictedMean[Treatment.Test].Difference</c>.</summary>
public sealed class RestrictedMeanResult<TX> where TX : notnull
{
    private readonly Func<TX, int> _code;

    internal RestrictedMeanResult(double tau, IReadOnlyList<ArmRestrictedMean> arms, Func<TX, int> code)
    {
        Tau = tau;
        Arms = arms;
        _code = code;
    }

    /// <summary>The horizon, in the outcome's unit.</summary>
    public double Tau { get; }

    /// <summary>One entry per exposure level, in level order.</summary>
    public IReadOnlyList<ArmRestrictedMean> Arms { get; }

    public ArmRestrictedMean this[TX level] => Arms[_code(level)];
}
