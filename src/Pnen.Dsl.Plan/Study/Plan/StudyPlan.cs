using System.Linq.Expressions;

namespace Pnen.Dsl;

/// <summary>
/// A study plan before its exposure is named: the population, the survival outcome, the flow and
/// the stratification. Every step returns a new plan; a plan never changes once built.
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

    /// <summary>
    /// The survival outcome with its time recorded in <paramref name="unit"/> and reported in
    /// <paramref name="report"/> (the data's unit when null): every time of the results is in the
    /// report's unit (medians, follow-up, curves, axes), and so are the times the plan gives to
    /// <c>.SurvivalAt</c> and <c>.RestrictedMean</c> (<c>.SurvivalAt(1, 3, 5)</c> years). Hazard ratios and
    /// tests do not depend on the unit; the outcome keeps its label.
    /// </summary>
    public StudyPlan<T> Survival(Expression<Func<T, double?>> time, Expression<Func<T, bool?>> died, TimeUnit unit, TimeUnit? report = null) =>
        new(PlanDesign.Survival(Core, time, died, unit, report));

    /// <summary>A randomised trial: the baseline table shows no P values unless asked for
    /// (<c>.BaselineTable(pValues: true)</c>), since differences at baseline are due to chance
    /// (CONSORT 2010, item 15), and the Methods say the design.</summary>
    public StudyPlan<T> Randomised() => new(Core with { Randomised = true });

    /// <summary>One exclusion step, applied after the ones before it.</summary>
    public StudyPlan<T> Exclude(string reason, Func<T, bool> excluded) => new(PlanCoreSteps.Exclude(Core, reason, excluded));

    /// <summary>Several exclusion steps in order.</summary>
    public StudyPlan<T> Flow(Func<FlowBuilder<T>, FlowBuilder<T>> flow)
    {
        var core = Core;
        foreach (var (reason, excluded) in flow(new FlowBuilder<T>()).Steps) core = PlanCoreSteps.Exclude(core, reason, excluded);
        return new StudyPlan<T>(core);
    }

    /// <summary>Stratified analyses everywhere: log-rank tests and Cox models get a separate baseline
    /// for each level of <paramref name="by"/> (e.g. the centre of a multicentre study).</summary>
    public StudyPlan<T> Stratify(Expression<Func<T, object?>> by) => new(PlanCoreSteps.Stratify(Core, by));

    /// <summary>
    /// The exposure whose levels the study compares, with its reference level. It must be
    /// categorical (an enum or a boolean) and never missing. <paramref name="startsAt"/>, for an
    /// exposure that begins during follow-up (surgery after diagnosis), is when each patient's level
    /// begins (on the outcome's time scale; a patient is in the reference level before it): every
    /// analysis of the exposure is then time-dependent (Simon-Makuch curves, the Mantel-Byar test,
    /// (start, stop] Cox models), and the report's "Immortal time" section compares them with the
    /// naive analysis.
    /// </summary>
    public StudyPlan<T, TX> Exposure<TX>(Expression<Func<T, TX>> exposure, TX reference, string? label = null, Expression<Func<T, double?>>? startsAt = null)
        where TX : notnull
    {
        if (LevelSet.TryCreate(typeof(TX), T.Schema.Variables, null) is null)
        {
            throw new ArgumentException($"The exposure must be categorical (an enum or a boolean); {typeof(TX).Name} is not.", nameof(exposure));
        }
        var variable = VariableReader<T>.Read(exposure, label, reference).Variable;
        var values = variable.LevelValues;
        var plan = new StudyPlan<T, TX>(Core, new ExposureSpec<T, TX>(variable, level => IndexOf(values, level)));
        return startsAt is null ? plan : plan.WithStart(startsAt, main: true);
    }

    /// <summary>A model needs the exposure it estimates: declare <c>.Exposure(...)</c> before it (PNEN047).</summary>
    public StudyPlan<T> Model(string name, Stats.Survival.Cox.CoxTies ties, Func<ModelBuilder<T>, ModelBuilder<T>>? configure = null) =>
        throw new InvalidOperationException($"The model '{name}' is declared before the exposure: a model estimates the exposure's effect, so declare .Exposure(...) first.");

    private static int IndexOf(IReadOnlyList<object> values, object? value)
    {
        for (var i = 0; i < values.Count; i++)
        {
            if (Equals(values[i], value)) return i;
        }
        return -1;
    }
}
