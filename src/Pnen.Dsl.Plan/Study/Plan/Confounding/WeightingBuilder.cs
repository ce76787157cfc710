using System.Collections.Immutable;
using System.Linq.Expressions;
using Pnen.Stats.Weighting;

namespace Pnen.Dsl;

/// <summary>
/// Inverse probability of treatment weighting of the exposure, written in a plan as
/// <c>.Weighting(w =&gt; w.Ate(p =&gt; p.Age, p =&gt; p.Sex, p =&gt; p.Grade).Stabilized().Truncate(0.01, 0.99))</c>:
/// the estimand and the covariates of the propensity model (each an enum, a boolean, a cut or a number,
/// read as a model's <c>.Adjust</c> reads them; <c>.PerUnit</c> changes nothing here), then how the weights
/// are made. (C# cannot infer the record type of a free-standing <c>Iptw.Ate(p =&gt; ...)</c>, so the steps
/// hang off the builder the plan hands over, as a model's do.) Every step returns a new builder.
/// </summary>
public sealed record WeightingBuilder<T, TX> where T : ICodebook<T> where TX : notnull
{
    internal Estimand? Estimand { get; private init; }

    internal ImmutableList<CharacteristicSpec<T>> Covariates { get; private init; } = [];

    internal bool HasFocal { get; private init; }

    internal TX? FocalLevel { get; private init; }

    internal bool Stabilize { get; private init; }

    internal (double Lower, double Upper)? Truncation { get; private init; }

    /// <summary>The average treatment effect in the whole cohort, as if every patient had received each level:
    /// weight 1 / P(level received | covariates).</summary>
    public WeightingBuilder<T, TX> Ate(params Expression<Func<T, object?>>[] covariates) => WithEstimand(Stats.Weighting.Estimand.Ate, covariates);

    /// <summary>The average treatment effect in the treated: the patients of the focal level (with two levels
    /// the one that is not the reference, else <see cref="Focal"/>), as if they had received each other level:
    /// weight 1 for them, P(focal | covariates) / P(level received | covariates) for the others.</summary>
    public WeightingBuilder<T, TX> Att(params Expression<Func<T, object?>>[] covariates) => WithEstimand(Stats.Weighting.Estimand.Att, covariates);

    /// <summary>The level whose patients the ATT describes (needed with three or more levels).</summary>
    public WeightingBuilder<T, TX> Focal(TX level) => this with { HasFocal = true, FocalLevel = level };

    /// <summary>Each weight times the proportion of the cohort that received the patient's level (Robins,
    /// Hernán and Brumback 2000): the weights then sum to about n and vary less.</summary>
    public WeightingBuilder<T, TX> Stabilized() => this with { Stabilize = true };

    /// <summary>Caps the weights at their quantiles <paramref name="lower"/> (in (0, 0.5)) and
    /// <paramref name="upper"/> (in (0.5, 1)), R's type 7, e.g. 0.01 and 0.99; for the ATT the focal
    /// patients' weights (all 1) are left as they are.</summary>
    public WeightingBuilder<T, TX> Truncate(double lower, double upper)
    {
        if (!(lower > 0 && lower < 0.5)) throw new ArgumentOutOfRangeException(nameof(lower), lower, "The lower truncation quantile lies in (0, 0.5).");
        if (!(upper > 0.5 && upper < 1)) throw new ArgumentOutOfRangeException(nameof(upper), upper, "The upper truncation quantile lies in (0.5, 1).");
        return this with { Truncation = (lower, upper) };
    }

    private WeightingBuilder<T, TX> WithEstimand(Estimand estimand, Expression<Func<T, object?>>[] covariates)
    {
        ArgumentNullException.ThrowIfNull(covariates);
        if (Estimand is not null) throw new ArgumentException("The weighting names its estimand twice: use .Ate(...) or .Att(...), once.", nameof(covariates));
        if (covariates.Length == 0) throw new ArgumentException("Name the covariates of the propensity model.", nameof(covariates));
        var specs = ImmutableList<CharacteristicSpec<T>>.Empty;
        foreach (var covariate in covariates)
        {
            var variable = VariableReader<T>.Read(covariate).Variable;
            if (specs.Any(s => s.Id == variable.Id)) throw new ArgumentException($"{variable.Label} is named twice in the propensity model.", nameof(covariates));
            specs = specs.Add(variable);
        }
        return this with { Estimand = estimand, Covariates = specs };
    }
}

/// <summary>The weighting a plan declares, ready to run: the focal level as its code.</summary>
internal sealed record WeightingSpec<T>(
    Estimand Estimand,
    ImmutableList<CharacteristicSpec<T>> Covariates,
    int? Focal,
    bool Stabilize,
    (double Lower, double Upper)? Truncation);
