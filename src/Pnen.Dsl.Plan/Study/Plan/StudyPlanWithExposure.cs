using System.Collections.Immutable;
using System.Linq.Expressions;
using Pnen.Shared;
using Pnen.Stats.Baseline;
using Pnen.Stats.Survival.Cox;

namespace Pnen.Dsl;

/// <summary>
/// A study plan with its exposure: characteristics, the baseline table, the univariate analysis,
/// prespecified Cox models, survival at fixed times and restricted means, subgroups and analyses
/// within selections. Immutable: every step returns a new plan. <see cref="Declaration"/> is the plan
/// as plain data, with the stable ids the generated typed results use.
/// </summary>
public sealed partial record StudyPlan<T, TX> where T : ICodebook<T> where TX : notnull
{
    internal StudyPlan(PlanCore<T> core, ExposureSpec<T, TX> exposure)
    {
        Core = core;
        ExposureSpec = exposure;
    }

    internal PlanCore<T> Core { get; private init; }

    internal ExposureSpec<T, TX> ExposureSpec { get; }

    internal ImmutableList<CharacteristicSpec<T>> Characteristics { get; private init; } = [];

    internal BaselineSpec<T>? Baseline { get; private init; }

    internal bool UnivariateAnalysis { get; private init; }

    internal ImmutableList<ModelSpec<T>> Models { get; private init; } = [];

    internal ImmutableArray<double> SurvivalTimes { get; private init; } = [];

    internal double? RestrictedMeanTau { get; private init; }

    internal ExposureStartSpec<T>? Start { get; private init; }

    internal ImmutableArray<double> Landmarks { get; private init; } = [];

    internal ImmutableList<SubgroupSpec<T>> Subgroups { get; private init; } = [];

    internal ImmutableList<WithinSpec<T>> Within { get; private init; } = [];

    public string Name => Core.Name;

    /// <summary>The exposure's level labels, in order.</summary>
    public IReadOnlyList<string> ExposureLevels => ExposureSpec.Levels;

    /// <summary>The plan as plain data: what every step declared, with stable ids.</summary>
    public PlanDeclaration Declaration => PlanDeclarations.Of(this);

    public StudyPlan<T, TX> Population(string description) => this with { Core = Core with { Population = description } };

    public StudyPlan<T, TX> Survival(Expression<Func<T, double?>> time, Expression<Func<T, bool?>> died, string? unit = null) =>
        this with { Core = PlanCoreSteps.Survival(Core, time, died, unit) };

    /// <inheritdoc cref="StudyPlan{T}.Survival(Expression{Func{T, double?}}, Expression{Func{T, bool?}}, TimeUnit, TimeUnit?)"/>
    public StudyPlan<T, TX> Survival(Expression<Func<T, double?>> time, Expression<Func<T, bool?>> died, TimeUnit unit, TimeUnit? report = null) =>
        this with { Core = PlanDesign.Survival(Core, time, died, unit, report) };

    /// <inheritdoc cref="StudyPlan{T}.Randomised"/>
    public StudyPlan<T, TX> Randomised() => this with
    {
        Core = Core with { Randomised = true },
        // A baseline table declared before this step, whose P values were left to the design, loses them.
        Baseline = Baseline is { PValuesByDesign: true } baseline ? baseline with { PValues = false } : Baseline,
    };

    public StudyPlan<T, TX> Exclude(string reason, Func<T, bool> excluded) => this with { Core = PlanCoreSteps.Exclude(Core, reason, excluded) };

    /// <summary>Stratified analyses everywhere: log-rank tests and Cox models get a separate baseline
    /// for each level of <paramref name="by"/> (e.g. the centre of a multicentre study).</summary>
    public StudyPlan<T, TX> Stratify(Expression<Func<T, object?>> by)
    {
        var core = PlanCoreSteps.Stratify(Core, by);
        if (core.Strata[^1].Id == ExposureSpec.Id) throw new ArgumentException("The plan cannot be stratified by its exposure: its effect would vanish into the baselines.", nameof(by));
        ModelRules<T>.CheckStrata(Models, core.Strata[^1]);
        return this with { Core = core };
    }

    // Every characteristic takes `baseline`: false keeps it out of the baseline table (e.g. a
    // treatment given after baseline) while it stays in the survival analyses; and `name`: the name of
    // its typed result when the property it reads does not make one (two characteristics of one property).

    /// <summary>A categorical characteristic from an enum property, e.g. <c>p =&gt; p.Sex</c>.</summary>
    public StudyPlan<T, TX> Characteristic<TEnum>(Expression<Func<T, TEnum>> variable, TEnum? reference = null, string? label = null, bool baseline = true, string? name = null)
        where TEnum : struct, Enum =>
        Add(Characteristics<T>.FromEnum(variable, reference, label, name), baseline);

    /// <summary>A categorical characteristic from a nullable enum property (null = missing).</summary>
    public StudyPlan<T, TX> Characteristic<TEnum>(Expression<Func<T, TEnum?>> variable, TEnum? reference = null, string? label = null, bool baseline = true, string? name = null)
        where TEnum : struct, Enum =>
        Add(Characteristics<T>.FromEnum(variable, reference, label, name), baseline);

    /// <summary>A yes/no characteristic; the reference is "No" unless <paramref name="referenceIsYes"/>.</summary>
    public StudyPlan<T, TX> Characteristic(Expression<Func<T, bool>> variable, string? label = null, bool referenceIsYes = false, bool baseline = true, string? name = null) =>
        Add(Characteristics<T>.FromBoolean(variable, referenceIsYes, label, name), baseline);

    /// <summary>A yes/no characteristic that may be missing.</summary>
    public StudyPlan<T, TX> Characteristic(Expression<Func<T, bool?>> variable, string? label = null, bool referenceIsYes = false, bool baseline = true, string? name = null) =>
        Add(Characteristics<T>.FromBoolean(variable, referenceIsYes, label, name), baseline);

    /// <summary>A number cut into two levels: <c>p =&gt; p.Age.Below(60, "&lt;60", "≥60")</c>. The reference is the first level unless named.</summary>
    public StudyPlan<T, TX> Characteristic(Expression<Func<T, Cut>> cut, string? label = null, string? reference = null, bool baseline = true, string? name = null) =>
        Add(Characteristics<T>.FromCut(cut, label, reference, name), baseline);

    /// <summary>A continuous characteristic (mean/median in the baseline table; per-unit hazard ratio).</summary>
    public StudyPlan<T, TX> Characteristic(Expression<Func<T, double?>> value, string? label = null, bool baseline = true, string? name = null) =>
        Add(Characteristics<T>.FromNumber(value, label, name), baseline);

    /// <summary>The baseline table (Table 1) by exposure: the characteristics declared with
    /// <c>baseline: true</c> (the default), tests by <paramref name="categorical"/> and
    /// <paramref name="continuous"/> (gtsummary's rule by default; <c>ChiSquare</c> is what the paper did in SPSS).
    /// <paramref name="pValues"/>: null lets the design decide (none in a <c>.Randomised()</c> trial, as
    /// CONSORT item 15 asks; shown otherwise). <paramref name="overall"/>: an "Overall" column first.</summary>
    public StudyPlan<T, TX> BaselineTable(
        CategoricalTestChoice categorical = CategoricalTestChoice.Auto,
        ContinuousTestChoice continuous = ContinuousTestChoice.Auto,
        bool? pValues = null,
        bool standardisedDifferences = false,
        bool overall = true) =>
        this with
        {
            Baseline = new BaselineSpec<T>(ExposureSpec.Label, ExposureSpec.Levels, ExposureSpec.CodeOf, categorical, continuous, pValues ?? !Core.Randomised, standardisedDifferences)
            {
                PValuesByDesign = pValues is null,
                Overall = overall,
            },
        };

    /// <summary>The baseline table grouped by another categorical variable.</summary>
    public StudyPlan<T, TX> BaselineTable<TBy>(
        Expression<Func<T, TBy>> by,
        CategoricalTestChoice categorical = CategoricalTestChoice.Auto,
        ContinuousTestChoice continuous = ContinuousTestChoice.Auto,
        bool? pValues = null,
        bool standardisedDifferences = false,
        bool overall = true) where TBy : notnull
    {
        if (LevelSet.TryCreate(typeof(TBy), T.Schema.Variables, null) is null)
        {
            throw new ArgumentException($"A baseline table is grouped by a categorical variable (an enum or a boolean); {typeof(TBy).Name} is not.", nameof(by));
        }
        var grouping = VariableReader<T>.Read(by).Variable;
        return this with
        {
            Baseline = new BaselineSpec<T>(grouping.Label, grouping.Levels, grouping.CodeOf, categorical, continuous, pValues ?? !Core.Randomised, standardisedDifferences)
            {
                PValuesByDesign = pValues is null,
                Overall = overall,
            },
        };
    }

    /// <summary>Kaplan-Meier medians per level, the log-rank test and the univariable hazard ratio of each
    /// characteristic and the exposure.</summary>
    public StudyPlan<T, TX> Univariate() => this with { UnivariateAnalysis = true };

    /// <summary>
    /// A prespecified Cox model of the exposure, named for the tables and its typed result
    /// (<c>result.Cohort.Models.Adjusted[level]</c>): the exposure alone (a crude model), or with what
    /// <paramref name="configure"/> adds. Every cohort and subgroup is analysed with every model.
    /// </summary>
    public StudyPlan<T, TX> Model(string name, CoxTies ties, Func<ModelBuilder<T>, ModelBuilder<T>>? configure = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (Models.Any(m => m.Name == name)) throw new ArgumentException($"The model '{name}' is declared twice.", nameof(name));
        var builder = configure is null ? new ModelBuilder<T>() : configure(new ModelBuilder<T>());
        var exposure = ExposureSpec;
        foreach (var term in builder.Terms)
        {
            if (term.Id == exposure.Id) throw new ArgumentException($"The model '{name}' adjusts for its own exposure ({exposure.Label}).", nameof(configure));
        }
        foreach (var strata in builder.Strata)
        {
            if (strata.Id == exposure.Id) throw new ArgumentException($"The model '{name}' is stratified by its exposure ({exposure.Label}).", nameof(configure));
        }
        var linear = builder.Terms.Where(t => t.Form is TermForm.Linear or TermForm.Categorical).Select(t => t.Id).Append(exposure.Id).ToHashSet();
        var interactions = new List<InteractionSpec>();
        foreach (var (first, second) in builder.Interactions)
        {
            var missing = new[] { first, second }.FirstOrDefault(id => !linear.Contains(id));
            if (missing is not null) throw new ArgumentException($"The model '{name}' has an interaction with {missing}, which it does not hold (adjust for it first).", nameof(configure));
            interactions.Add(new InteractionSpec(PlanNames.Interaction(first, second), first, second));
        }
        if (builder.ScreenRule is not null && (builder.Terms.Count > 0 || interactions.Count > 0))
        {
            throw new ArgumentException($"The model '{name}' both screens and adjusts: a screened model takes its covariates from the screen.", nameof(configure));
        }
        ModelRules<T>.CheckFirth(name, ties, builder, Core.Strata, Start is { Main: true });
        var model = new ModelSpec<T>(PlanNames.Property(name), name, ties, builder.Terms, [.. interactions], builder.Strata, builder.ScreenRule)
        {
            Firth = builder.FirthFit,
            Cluster = builder.ClusterBy,
        };
        return this with { Models = Models.Add(model), UnivariateAnalysis = UnivariateAnalysis || builder.ScreenRule is not null };
    }

    /// <summary>Kaplan-Meier survival with its 95% CI per exposure level at each of <paramref name="times"/>
    /// (in the outcome's unit): <c>result.Cohort.SurvivalAt[level][36]</c>.</summary>
    public StudyPlan<T, TX> SurvivalAt(params double[] times)
    {
        ArgumentNullException.ThrowIfNull(times);
        if (times.Length == 0) throw new ArgumentException("Name at least one time.", nameof(times));
        if (times.Any(t => !double.IsFinite(t) || t <= 0)) throw new ArgumentOutOfRangeException(nameof(times), "Survival is read at positive, finite times.");
        if (times.Distinct().Count() != times.Length) throw new ArgumentException("A time is named twice.", nameof(times));
        return this with { SurvivalTimes = [.. times.Order()] };
    }

    /// <summary>The restricted mean survival time to <paramref name="tau"/> per exposure level, and each
    /// level's difference from the reference with its 95% CI.</summary>
    public StudyPlan<T, TX> RestrictedMean(double tau)
    {
        if (!double.IsFinite(tau) || tau <= 0) throw new ArgumentOutOfRangeException(nameof(tau), tau, "The restricted mean is taken to a positive, finite time.");
        if (Start is { Main: true }) throw new InvalidOperationException("A restricted mean is a group's mean survival; a time-dependent exposure has no fixed groups (PNEN081).");
        return this with { RestrictedMeanTau = tau };
    }

    /// <summary>
    /// Checks the exposure for immortal time without changing the main analyses: <paramref name="startsAt"/>
    /// is when each patient's exposure began (surgery after diagnosis). The report's "Immortal time"
    /// section sets the naive hazard ratios (the exposure as if it held from time 0, as the main analyses
    /// keep it, e.g. to reproduce a published analysis) beside the time-dependent and landmark ones. To
    /// make the main analyses time-dependent, declare <c>startsAt:</c> on <c>.Exposure</c> instead.
    /// </summary>
    public StudyPlan<T, TX> ImmortalTime(Expression<Func<T, double?>> startsAt)
    {
        if (Start is not null) throw new InvalidOperationException("The exposure's start is declared twice (PNEN082).");
        return WithStart(startsAt, main: false);
    }

    /// <summary>Landmark analyses at each of <paramref name="times"/> (the outcome's unit): the patients
    /// still followed at the landmark, classed by their exposure at that time, followed from it. Needs the
    /// exposure's start (<c>.Exposure(..., startsAt:)</c> or <c>.ImmortalTime(...)</c>).</summary>
    public StudyPlan<T, TX> Landmark(params double[] times)
    {
        ArgumentNullException.ThrowIfNull(times);
        if (Start is null) throw new InvalidOperationException("A landmark analysis needs to know when the exposure starts: declare startsAt on .Exposure or .ImmortalTime(...) first (PNEN080).");
        if (times.Length == 0) throw new ArgumentException("Name at least one landmark time.", nameof(times));
        if (times.Any(t => !double.IsFinite(t) || t <= 0)) throw new ArgumentOutOfRangeException(nameof(times), "Landmarks are positive, finite times.");
        if (times.Concat(Landmarks).Distinct().Count() != times.Length + Landmarks.Length) throw new ArgumentException("A landmark is named twice.", nameof(times));
        return this with { Landmarks = [.. Landmarks.Concat(times).Order()] };
    }

    internal StudyPlan<T, TX> WithStart(Expression<Func<T, double?>> startsAt, bool main)
    {
        var variable = ExpressionReader.Variable<T>(startsAt);
        var label = variable?.Label ?? ExpressionReader.MemberName(startsAt) ?? ExpressionText.Describe(startsAt.Body, T.Schema);
        return this with { Start = new ExposureStartSpec<T>(startsAt.Compile(), label, main) };
    }

    /// <summary>A subgroup of the final cohort, analysed with the same plan; the subgroup's results
    /// carry the P for interaction of the exposure with membership.</summary>
    public StudyPlan<T, TX> Subgroup(string name, Func<T, bool> where, Func<SubgroupBuilder<T>, SubgroupBuilder<T>>? configure = null, string? description = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (Subgroups.Any(s => s.Name == name)) throw new ArgumentException($"The subgroup '{name}' is declared twice.", nameof(name));
        var builder = configure is null ? new SubgroupBuilder<T>() : configure(new SubgroupBuilder<T>());
        return this with { Subgroups = Subgroups.Add(new SubgroupSpec<T>(PlanNames.Property(name), name, description, where, builder.Exclusions, builder.Within)) };
    }

    /// <summary>Effects of characteristics on survival among the records <paramref name="where"/> selects.</summary>
    public StudyPlan<T, TX> WithinSelection(string name, Func<T, bool> where, Func<EffectBuilder<T>, EffectBuilder<T>> effects) =>
        this with { Within = Within.Add(EffectBuilder<T>.Build(name, where, effects, Within)) };

    /// <summary>Runs the plan on loaded data.</summary>
    public StudyResult<TX> Execute(CodebookData<T> data, StudyExecutionOptions? options = null) =>
        Execution.StudyExecutor<T, TX>.Run(this, data, options ?? StudyExecutionOptions.Default);

    /// <param name="baseline">Whether the characteristic is a row of the baseline table (treatments given
    /// after baseline usually are not).</param>
    private StudyPlan<T, TX> Add(CharacteristicSpec<T> characteristic, bool baseline)
    {
        characteristic = characteristic with { InBaselineTable = baseline };
        // Listing the exposure itself among the characteristics places its row in the tables.
        var isExposure = IsExposure(characteristic);
        if ((characteristic.Label == ExposureSpec.Label && !isExposure) || Characteristics.Any(c => c.Label == characteristic.Label))
        {
            throw new ArgumentException($"Two characteristics are labelled '{characteristic.Label}'; give one a label of its own.", nameof(characteristic));
        }
        if (Characteristics.Any(c => c.Id == characteristic.Id))
        {
            throw new ArgumentException($"Two characteristics read {characteristic.Id}; give one a name of its own (name: \"...\").", nameof(characteristic));
        }
        return this with { Characteristics = Characteristics.Add(characteristic) };
    }

    internal bool IsExposure(CharacteristicSpec<T> characteristic) =>
        ExposureSpec.Source is not null && ReferenceEquals(characteristic.Source, ExposureSpec.Source) && characteristic.Derivation is null;
}
