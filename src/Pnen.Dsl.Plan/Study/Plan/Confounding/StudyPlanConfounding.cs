using Pnen.Stats.Weighting;

namespace Pnen.Dsl;

// The plan's steps against confounding by indication (issue 17): propensity-score weighting and
// adjusted curves by direct standardisation. E-values need no step: every estimated hazard ratio has them.
public sealed partial record StudyPlan<T, TX>
{
    internal WeightingSpec<T>? WeightingSpec { get; private init; }

    internal AdjustedCurvesSpec<T>? CurvesSpec { get; private init; }

    /// <summary>
    /// A propensity-score weighted analysis of the exposure in every cohort (the final one and each
    /// subgroup): the propensity model (logistic for two levels, multinomial for more), inverse probability
    /// of treatment weights, their distribution and effective sample sizes, the balance of every covariate
    /// before and after weighting, Kaplan-Meier curves with the weights and a weighted Cox model of the
    /// exposure with a robust variance: <c>.Weighting(w =&gt; w.Ate(p =&gt; p.Age, p =&gt; p.Sex).Stabilized().Truncate(0.01, 0.99))</c>.
    /// </summary>
    public StudyPlan<T, TX> Weighting(Func<WeightingBuilder<T, TX>, WeightingBuilder<T, TX>> weighting)
    {
        ArgumentNullException.ThrowIfNull(weighting);
        if (WeightingSpec is not null) throw new ArgumentException("The plan declares its weighting twice.", nameof(weighting));
        if (Start is { Main: true }) throw new ArgumentException("A time-dependent exposure (startsAt:) has no baseline level to weight by: weight the exposure at baseline and check immortal time with .ImmortalTime(...) (PNEN076).", nameof(weighting));
        var built = weighting(new WeightingBuilder<T, TX>());
        if (built.Estimand is not { } estimand) throw new ArgumentException("The weighting names no estimand: start it with .Ate(covariates...) or .Att(covariates...).", nameof(weighting));
        foreach (var covariate in built.Covariates)
        {
            if (IsExposureVariable(covariate)) throw new ArgumentException($"The propensity model cannot hold {ExposureSpec.Label}, the exposure it predicts.", nameof(weighting));
        }
        int? focal = null;
        if (built.HasFocal)
        {
            if (estimand != Estimand.Att) throw new ArgumentException("A focal level is for the ATT (.Att(...)).", nameof(weighting));
            focal = ExposureSpec.CodeOfLevel(built.FocalLevel!);
            if (focal < 0) throw new ArgumentException($"The focal level {built.FocalLevel} is not a level of {ExposureSpec.Label}.", nameof(weighting));
        }
        else if (estimand == Estimand.Att && ExposureSpec.Levels.Count > 2)
        {
            throw new ArgumentException($"The ATT of {ExposureSpec.Label}, which has {ExposureSpec.Levels.Count} levels, needs .Focal(level): the level whose patients are the target population.", nameof(weighting));
        }
        return this with { WeightingSpec = new WeightingSpec<T>(estimand, built.Covariates, focal, built.Stabilize, built.Truncation) };
    }

    /// <summary>
    /// Survival curves adjusted by direct standardisation in every cohort, from a model of the plan or a
    /// list of covariates, with the standardised S(t) and RMST per level and their differences from the
    /// reference (bootstrap percentile intervals when a seeded bootstrap is asked for):
    /// <c>.AdjustedCurves(c =&gt; c.Model("Adjusted").SurvivalAt(12, 36).RestrictedMean(60).Bootstrap(500, seed: 1))</c>.
    /// </summary>
    public StudyPlan<T, TX> AdjustedCurves(Func<AdjustedCurvesBuilder<T>, AdjustedCurvesBuilder<T>> curves)
    {
        ArgumentNullException.ThrowIfNull(curves);
        if (CurvesSpec is not null) throw new ArgumentException("The plan declares its adjusted curves twice.", nameof(curves));
        if (Start is { Main: true }) throw new ArgumentException("A time-dependent exposure (startsAt:) has no baseline level to standardise by: adjust the exposure at baseline and check immortal time with .ImmortalTime(...) (PNEN075).", nameof(curves));
        var built = curves(new AdjustedCurvesBuilder<T>());
        if ((built.ModelName is null) == !built.HasCovariates)
        {
            throw new ArgumentException("Adjusted curves come from one model of the plan (.Model(name)) or from a list of covariates (.Adjust(...)): name one of the two.", nameof(curves));
        }
        if (built.Times.IsEmpty && built.Tau is null)
        {
            throw new ArgumentException("Adjusted curves need the times of their absolute effects: .SurvivalAt(times...), .RestrictedMean(tau), or both.", nameof(curves));
        }
        var ties = Stats.Survival.Cox.CoxTies.Efron;
        string? modelId = null;
        var covariates = built.Covariates;
        if (built.ModelName is { } name)
        {
            var model = Models.FirstOrDefault(m => m.Name == name)
                ?? throw new ArgumentException($"The adjusted curves name the model '{name}', which the plan does not declare (before them).", nameof(curves));
            if (model.Terms.Any(t => t.Form is TermForm.Spline) || !model.Interactions.IsEmpty)
            {
                throw new ArgumentException($"The model '{name}' has a spline or an interaction: direct standardisation here takes linear and categorical terms only.", nameof(curves));
            }
            modelId = model.Id;
            ties = model.Ties;
            covariates = [.. model.Terms.Select(t => t.Variable)];
        }
        foreach (var covariate in covariates)
        {
            if (IsExposureVariable(covariate)) throw new ArgumentException($"The adjusted curves cannot adjust for {ExposureSpec.Label}, their own exposure.", nameof(curves));
        }
        return this with { CurvesSpec = new AdjustedCurvesSpec<T>(modelId, built.ModelName, covariates, ties, built.Times, built.Tau, built.Replicates, built.Seed) };
    }

    private bool IsExposureVariable(CharacteristicSpec<T> variable) =>
        variable.Id == ExposureSpec.Id || (ExposureSpec.Source is not null && ReferenceEquals(variable.Source, ExposureSpec.Source) && variable.Derivation is null);
}
