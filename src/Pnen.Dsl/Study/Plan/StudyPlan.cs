using System.Linq.Expressions;

namespace Pnen.Dsl;

/// <summary>
/// A study plan before its exposure is named: the population, the survival outcome and the flow.
/// Every step returns a new plan; a plan never changes once built.
/// </summary>
public sealed class StudyPlan<T> where T : ICodebook<T>
{
    internal StudyPlan(PlanCore<T> core) => Core = core;

    internal PlanCore<T> Core { get; }

    public string Name => Core.Name;

    /// <summary>How the recruited population is described in the flow diagram.</summary>
    public StudyPlan<T> Population(string description) => new(Core with { Population = description });

    /// <summary>The survival outcome: follow-up time and whether the event (death) was observed.</summary>
    public StudyPlan<T> Survival(Expression<Func<T, double?>> time, Expression<Func<T, bool?>> died, string? unit = null) =>
        new(PlanCoreSteps.Survival(Core, time, died, unit));

    /// <summary>One exclusion step, applied after the ones before it.</summary>
    public StudyPlan<T> Exclude(string reason, Func<T, bool> excluded) => new(PlanCoreSteps.Exclude(Core, reason, excluded));

    /// <summary>Several exclusion steps in order.</summary>
    public StudyPlan<T> Flow(Func<FlowBuilder<T>, FlowBuilder<T>> flow)
    {
        var core = Core;
        foreach (var (reason, excluded) in flow(new FlowBuilder<T>()).Steps) core = PlanCoreSteps.Exclude(core, reason, excluded);
        return new StudyPlan<T>(core);
    }

    /// <summary>
    /// The exposure whose levels the study compares, with its reference level. It must be
    /// categorical (an enum or a boolean) and never missing.
    /// </summary>
    public StudyPlan<T, TX> Exposure<TX>(Expression<Func<T, TX>> exposure, TX reference, string? label = null) where TX : notnull
    {
        var variable = ExpressionReader.Variable<T>(exposure);
        var levels = LevelSet<TX>.TryCreate(T.Schema.Variables, variable)
            ?? throw new ArgumentException($"The exposure must be categorical (an enum or a boolean); {typeof(TX).Name} is not.", nameof(exposure));
        var referenceCode = levels.CodeOf(reference);
        if (referenceCode < 0) throw new ArgumentException($"The reference {reference} is not a level of the exposure.", nameof(reference));
        var spec = new ExposureSpec<T, TX>(label ?? variable?.Label ?? ExpressionReader.MemberName(exposure) ?? "Exposure",
            levels, referenceCode, exposure.Compile(), variable);
        return new StudyPlan<T, TX>(Core, spec);
    }
}
