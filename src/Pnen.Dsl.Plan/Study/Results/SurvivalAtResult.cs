namespace Pnen.Dsl;

/// <summary>
/// Kaplan-Meier survival at a fixed time, as R's <c>summary(survfit, times = t)</c>: the curve's value
/// at t with its limits (log transformation), and the number still at risk. Null numbers beyond the
/// last follow-up time of the group, where the curve is not defined.
/// </summary>
public sealed record SurvivalPoint(double Time, double? Survival, double? Lower, double? Upper, double? StdErr, int AtRisk);

/// <summary>One exposure level's survival at the plan's times: <c>arm[36].Survival</c>.</summary>
public sealed class ArmSurvival
{
    internal ArmSurvival(string level, int n, IReadOnlyList<SurvivalPoint> points)
    {
        Level = level;
        N = n;
        Points = points;
    }

    public string Level { get; }

    public int N { get; }

    public IReadOnlyList<SurvivalPoint> Points { get; }

    /// <summary>The point at one of the plan's times.</summary>
    public SurvivalPoint this[double time] => Points.FirstOrDefault(p => p.Time == time)
        ?? throw new ArgumentOutOfRangeException(nameof(time), time, $"The plan reads survival at {string.Join(", ", Points.Select(p => p.Time))} only.");
}

/// <summary>Survival at the plan's times per exposure level: <c>cohort.SurvivalAt[Treatment.Test][36]</c>.</summary>
public sealed class SurvivalAtResult<TX> where TX : notnull
{
    private readonly Func<TX, int> _code;

    internal SurvivalAtResult(IReadOnlyList<double> times, IReadOnlyList<ArmSurvival> arms, Func<TX, int> code)
    {
        Times = times;
        Arms = arms;
        _code = code;
    }

    public IReadOnlyList<double> Times { get; }

    /// <summary>One entry per exposure level, in level order.</summary>
    public IReadOnlyList<ArmSurvival> Arms { get; }

    public ArmSurvival this[TX level] => Arms[_code(level)];
}
