using System.Linq.Expressions;

namespace Pnen.Dsl;

/// <summary>
/// What <c>.Survival</c> with a time unit for the data and another for the report does. (The step is
/// an instance method of the plans, as <c>.Randomised()</c> is: the generator binds a plan before the
/// codebook generator has made its record a codebook, and an extension method constrained to
/// codebooks would not bind there, leaving the rest of the plan unread.)
/// </summary>
internal static class PlanDesign
{
    /// <summary>The outcome with its time read in <paramref name="unit"/> and reported in <paramref name="report"/>:
    /// the outcome's time function returns the reported time, and the data's stays for messages.</summary>
    public static PlanCore<T> Survival<T>(PlanCore<T> core, Expression<Func<T, double?>> time, Expression<Func<T, bool?>> died, TimeUnit unit, TimeUnit? report)
        where T : ICodebook<T>
    {
        var scale = new TimeScale(unit, report ?? unit);
        var declared = PlanCoreSteps.Survival(core, time, died, TimeScale.Label(scale.Report));
        var outcome = declared.Outcome!;
        var data = outcome.Time;
        Func<T, double?> reported = scale.Data == scale.Report ? data : record => data(record) is { } t ? scale.Convert(t) : null;
        return declared with { Outcome = outcome with { Time = reported, DataTime = data, Scale = scale } };
    }
}
