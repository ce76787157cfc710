using System.Collections.Immutable;
using System.Linq.Expressions;
using Pnen.Stats.Survival.Cox;

namespace Pnen.Dsl;

/// <summary>
/// Survival curves adjusted by direct standardisation (the g-formula): a Cox model of the exposure and
/// covariates, then for each level the average of every patient's predicted curve with the exposure set to
/// that level, as R's <c>rowMeans(survfit(fit, newdata)$surv)</c> (adjustedCurves' "direct" method). Written
/// <c>.AdjustedCurves(c =&gt; c.Model("Adjusted").SurvivalAt(12, 36, 60).RestrictedMean(60).Bootstrap(500, seed: 2025))</c>
/// or with <c>.Adjust(p =&gt; p.Age, ...)</c> instead of a model. The absolute effects (S(t) and RMST
/// differences) get seeded bootstrap percentile intervals: a seed gives the same intervals every run.
/// </summary>
public sealed record AdjustedCurvesBuilder<T> where T : ICodebook<T>
{
    internal string? ModelName { get; private init; }

    internal ImmutableList<CharacteristicSpec<T>> Covariates { get; private init; } = [];

    internal bool HasCovariates { get; private init; }

    internal ImmutableArray<double> Times { get; private init; } = [];

    internal double? Tau { get; private init; }

    internal int Replicates { get; private init; }

    internal int? Seed { get; private init; }

    /// <summary>The plan's model of this name (declared before): its covariates and ties. A model with a
    /// spline or an interaction cannot be standardised; its strata (and the plan's) enter as covariates.</summary>
    public AdjustedCurvesBuilder<T> Model(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return this with { ModelName = name };
    }

    /// <summary>The covariates of the standardisation model, besides the exposure (Efron ties): numbers enter
    /// linearly, enums, booleans and cuts as levels.</summary>
    public AdjustedCurvesBuilder<T> Adjust(params Expression<Func<T, object?>>[] covariates)
    {
        ArgumentNullException.ThrowIfNull(covariates);
        var specs = Covariates;
        foreach (var covariate in covariates)
        {
            var variable = VariableReader<T>.Read(covariate).Variable;
            if (specs.Any(s => s.Id == variable.Id)) throw new ArgumentException($"{variable.Label} is named twice in the adjusted curves.", nameof(covariates));
            specs = specs.Add(variable);
        }
        return this with { Covariates = specs, HasCovariates = true };
    }

    /// <summary>Times (in the outcome's unit) at which the standardised survival and its differences are reported.</summary>
    public AdjustedCurvesBuilder<T> SurvivalAt(params double[] times)
    {
        ArgumentNullException.ThrowIfNull(times);
        if (times.Any(t => !double.IsFinite(t) || t <= 0)) throw new ArgumentOutOfRangeException(nameof(times), "Survival is read at positive, finite times.");
        if (times.Distinct().Count() != times.Length) throw new ArgumentException("A time is named twice.", nameof(times));
        return this with { Times = [.. times.Order()] };
    }

    /// <summary>The horizon of the standardised restricted mean survival times and their differences.</summary>
    public AdjustedCurvesBuilder<T> RestrictedMean(double tau)
    {
        if (!double.IsFinite(tau) || tau <= 0) throw new ArgumentOutOfRangeException(nameof(tau), tau, "The restricted mean is taken to a positive, finite time.");
        return this with { Tau = tau };
    }

    /// <summary>Nonparametric bootstrap percentile intervals of the differences: <paramref name="replicates"/>
    /// resamples of the patients (at least 2), the model refitted on each, drawn as R's <c>set.seed(seed)</c>
    /// then <c>sample(n, replace = TRUE)</c>. The seed is required: a report must be the same every run.</summary>
    public AdjustedCurvesBuilder<T> Bootstrap(int replicates, int? seed = null)
    {
        if (replicates < 2) throw new ArgumentOutOfRangeException(nameof(replicates), replicates, "A bootstrap needs at least 2 replicates (200 or more for percentile intervals).");
        if (seed is null) throw new ArgumentNullException(nameof(seed), "A bootstrap needs a seed, so that the report is the same every run.");
        return this with { Replicates = replicates, Seed = seed };
    }
}

/// <summary>The adjusted curves a plan declares, ready to run: the model named (its id), or the covariates.</summary>
internal sealed record AdjustedCurvesSpec<T>(
    string? ModelId,
    string? ModelName,
    ImmutableList<CharacteristicSpec<T>> Covariates,
    CoxTies Ties,
    ImmutableArray<double> Times,
    double? Tau,
    int Replicates,
    int? Seed);
