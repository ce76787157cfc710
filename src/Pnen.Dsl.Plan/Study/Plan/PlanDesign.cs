using System.Linq.Expressions;

namespace Pnen.Dsl;

/// <summary>
/// Plan steps about the design and the outcome's units: <c>.Randomised()</c>, and <c>.Survival</c>
/// with a time unit for the data and another for the report.
/// </summary>
public static class PlanDesign
{
    /// <summary>A randomised trial: the baseline table shows no P values unless asked for
    /// (<c>.BaselineTable(pValues: true)</c>), since differences at baseline are due to chance
    /// (CONSORT 2010, item 15), and the Methods say the design.</summary>
    public static StudyPlan<T> Randomised<T>(this StudyPlan<T> plan) where T : ICodebook<T> =>
        new(plan.Core with { Randomised = true });

    /// <inheritdoc cref="Randomised{T}(StudyPlan{T})"/>
    public static StudyPlan<T, TX> Randomised<T, TX>(this StudyPlan<T, TX> plan) where T : ICodebook<T> where TX : notnull =>
        plan with
        {
            Core = plan.Core with { Randomised = true },
            // A baseline table declared before this step, whose P values were left to the design.
            Baseline = plan.Baseline is { PValuesByDesign: true } baseline ? baseline with { PValues = false } : plan.Baseline,
        };

    /// <summary>
    /// The survival outcome with its time recorded in <paramref name="unit"/> and reported in
    /// <paramref name="report"/> (the data's unit when null). Every time of the results is in the
    /// report's unit: medians, follow-up, curves, the axes, and the times of <c>.SurvivalAt</c> and
    /// <c>.RestrictedMean</c>, which the plan gives in the report's unit too (<c>.SurvivalAt(1, 3, 5)</c>
    /// years). Hazard ratios and tests do not depend on the unit. The outcome keeps its label.
    /// </summary>
    public static StudyPlan<T> Survival<T>(this StudyPlan<T> plan, Expression<Func<T, double?>> time, Expression<Func<T, bool?>> died, TimeUnit unit, TimeUnit? report = null)
        where T : ICodebook<T> =>
        new(Scaled(plan.Core, time, died, unit, report));

    /// <inheritdoc cref="Survival{T}(StudyPlan{T}, Expression{Func{T, double?}}, Expression{Func{T, bool?}}, TimeUnit, TimeUnit?)"/>
    public static StudyPlan<T, TX> Survival<T, TX>(this StudyPlan<T, TX> plan, Expression<Func<T, double?>> time, Expression<Func<T, bool?>> died, TimeUnit unit, TimeUnit? report = null)
        where T : ICodebook<T> where TX : notnull =>
        plan with { Core = Scaled(plan.Core, time, died, unit, report) };

    private static PlanCore<T> Scaled<T>(PlanCore<T> core, Expression<Func<T, double?>> time, Expression<Func<T, bool?>> died, TimeUnit unit, TimeUnit? report)
        where T : ICodebook<T>
    {
        var scale = new TimeScale(unit, report ?? unit);
        var declared = PlanCoreSteps.Survival(core, time, died, TimeScale.Label(scale.Report));
        var outcome = declared.Outcome!;
        var data = outcome.Time;
        var factor = scale.Factor;
        Func<T, double?> reported = scale.Data == scale.Report ? data : record => data(record) * factor;
        return declared with { Outcome = outcome with { Time = reported, DataTime = data, Scale = scale } };
    }
}
