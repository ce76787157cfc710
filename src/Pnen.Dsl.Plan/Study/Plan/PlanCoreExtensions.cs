using System.Linq.Expressions;

namespace Pnen.Dsl;

/// <summary>The plan steps that exist both before and after the exposure is named.</summary>
internal static class PlanCoreSteps
{
    public static PlanCore<T> Survival<T>(PlanCore<T> core, Expression<Func<T, double?>> time, Expression<Func<T, bool?>> died, string? unit)
        where T : ICodebook<T>
    {
        var timeVariable = ExpressionReader.Variable<T>(time);
        var eventVariable = ExpressionReader.Variable<T>(died);
        var outcome = new OutcomeSpec<T>(time.Compile(), died.Compile(),
            timeVariable?.Label ?? ExpressionReader.MemberName(time) ?? "Time",
            eventVariable?.Label ?? ExpressionReader.MemberName(died) ?? "Event",
            unit ?? timeVariable?.Unit);
        return core with { Outcome = outcome, OutcomeDeclarations = core.OutcomeDeclarations + 1 };
    }

    public static PlanCore<T> Exclude<T>(PlanCore<T> core, string reason, Func<T, bool> excluded)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        ArgumentNullException.ThrowIfNull(excluded);
        if (core.Exclusions.Any(e => e.Reason == reason)) throw new ArgumentException($"The exclusion '{reason}' is declared twice.", nameof(reason));
        return core with { Exclusions = core.Exclusions.Add(new ExclusionSpec<T>(reason, excluded)) };
    }

    public static PlanCore<T> Stratify<T>(PlanCore<T> core, LambdaExpression by) where T : ICodebook<T>
    {
        var strata = StrataReader<T>.Read(by);
        if (core.Strata.Any(s => s.Id == strata.Id)) throw new ArgumentException($"The plan is stratified by {strata.Label} twice.", nameof(by));
        return core with { Strata = core.Strata.Add(strata) };
    }
}

/// <summary>Collects exclusion steps in order: <c>.Flow(f =&gt; f.Exclude("reason", p =&gt; ...))</c>.</summary>
public sealed class FlowBuilder<T>
{
    private readonly List<(string Reason, Func<T, bool> Excluded)> _steps = [];

    internal IReadOnlyList<(string Reason, Func<T, bool> Excluded)> Steps => _steps;

    /// <summary>Removes the records for which <paramref name="excluded"/> holds, counted under <paramref name="reason"/>.</summary>
    public FlowBuilder<T> Exclude(string reason, Func<T, bool> excluded)
    {
        _steps.Add((reason, excluded));
        return this;
    }
}
