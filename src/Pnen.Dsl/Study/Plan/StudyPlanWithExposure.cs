using System.Collections.Immutable;
using System.Linq.Expressions;
using Pnen.Stats.Baseline;
using Pnen.Stats.Survival.Cox;

namespace Pnen.Dsl;

/// <summary>
/// A study plan with its exposure: characteristics, the baseline table, the univariate and
/// multivariable survival analyses, subgroups and analyses within selections. Immutable: every
/// step returns a new plan.
/// </summary>
public sealed record StudyPlan<T, TX> where T : ICodebook<T> where TX : notnull
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

    internal MultivariableSpec? MultivariableModel { get; private init; }

    internal ImmutableList<SubgroupSpec<T>> Subgroups { get; private init; } = [];

    internal ImmutableList<WithinSpec<T>> Within { get; private init; } = [];

    public string Name => Core.Name;

    /// <summary>The exposure's level labels, in order.</summary>
    public IReadOnlyList<string> ExposureLevels => ExposureSpec.Levels.Labels;

    public StudyPlan<T, TX> Population(string description) => this with { Core = Core with { Population = description } };

    public StudyPlan<T, TX> Survival(Expression<Func<T, double?>> time, Expression<Func<T, bool?>> died, string? unit = null) =>
        this with { Core = PlanCoreSteps.Survival(Core, time, died, unit) };

    public StudyPlan<T, TX> Exclude(string reason, Func<T, bool> excluded) => this with { Core = PlanCoreSteps.Exclude(Core, reason, excluded) };

    // Every characteristic takes `baseline`: false keeps it out of the baseline table (e.g. a
    // treatment given after baseline) while it stays in the survival analyses.

    /// <summary>A categorical characteristic from an enum property, e.g. <c>p =&gt; p.Sex</c>.</summary>
    public StudyPlan<T, TX> Characteristic<TEnum>(Expression<Func<T, TEnum>> variable, TEnum? reference = null, string? label = null, bool baseline = true)
        where TEnum : struct, Enum
    {
        var read = variable.Compile();
        return Add(Characteristics<T>.FromEnum<TEnum>(variable, r => read(r), reference, label), baseline);
    }

    /// <summary>A categorical characteristic from a nullable enum property (null = missing).</summary>
    public StudyPlan<T, TX> Characteristic<TEnum>(Expression<Func<T, TEnum?>> variable, TEnum? reference = null, string? label = null, bool baseline = true)
        where TEnum : struct, Enum =>
        Add(Characteristics<T>.FromEnum(variable, variable.Compile(), reference, label), baseline);

    /// <summary>A yes/no characteristic; the reference is "No" unless <paramref name="referenceIsYes"/>.</summary>
    public StudyPlan<T, TX> Characteristic(Expression<Func<T, bool>> variable, string? label = null, bool referenceIsYes = false, bool baseline = true)
    {
        var read = variable.Compile();
        return Add(Characteristics<T>.FromBoolean(variable, r => read(r), referenceIsYes, label), baseline);
    }

    /// <summary>A yes/no characteristic that may be missing.</summary>
    public StudyPlan<T, TX> Characteristic(Expression<Func<T, bool?>> variable, string? label = null, bool referenceIsYes = false, bool baseline = true) =>
        Add(Characteristics<T>.FromBoolean(variable, variable.Compile(), referenceIsYes, label), baseline);

    /// <summary>A number cut into two levels: <c>p =&gt; p.Age.Below(60, "&lt;60", "≥60")</c>. The reference is the first level unless named.</summary>
    public StudyPlan<T, TX> Characteristic(Expression<Func<T, Cut>> cut, string? label = null, string? reference = null, bool baseline = true) =>
        Add(Characteristics<T>.FromCut(cut, label, reference), baseline);

    /// <summary>A continuous characteristic (mean/median in the baseline table; per-unit hazard ratio).</summary>
    public StudyPlan<T, TX> Characteristic(Expression<Func<T, double?>> value, string? label = null, bool baseline = true) =>
        Add(Characteristics<T>.FromNumber(value, label), baseline);

    /// <summary>The baseline table (Table 1) by exposure: the characteristics declared with
    /// <c>baseline: true</c> (the default), tests by <paramref name="categorical"/> and
    /// <paramref name="continuous"/> (gtsummary's rule by default; <c>ChiSquare</c> is what the paper did in SPSS).</summary>
    public StudyPlan<T, TX> BaselineTable(
        CategoricalTestChoice categorical = CategoricalTestChoice.Auto,
        ContinuousTestChoice continuous = ContinuousTestChoice.Auto,
        bool pValues = true,
        bool standardisedDifferences = false) =>
        this with
        {
            Baseline = new BaselineSpec<T>(ExposureSpec.Label, ExposureSpec.Levels.Labels, ExposureSpec.CodeOf, categorical, continuous, pValues, standardisedDifferences),
        };

    /// <summary>The baseline table grouped by another categorical variable.</summary>
    public StudyPlan<T, TX> BaselineTable<TBy>(
        Expression<Func<T, TBy>> by,
        CategoricalTestChoice categorical = CategoricalTestChoice.Auto,
        ContinuousTestChoice continuous = ContinuousTestChoice.Auto,
        bool pValues = true,
        bool standardisedDifferences = false) where TBy : notnull
    {
        var variable = ExpressionReader.Variable<T>(by);
        var levels = LevelSet<TBy>.TryCreate(T.Schema.Variables, variable)
            ?? throw new ArgumentException($"A baseline table is grouped by a categorical variable (an enum or a boolean); {typeof(TBy).Name} is not.", nameof(by));
        var read = by.Compile();
        return this with
        {
            Baseline = new BaselineSpec<T>(variable?.Label ?? ExpressionReader.MemberName(by) ?? "Group", levels.Labels,
                r => levels.CodeOf(read(r)), categorical, continuous, pValues, standardisedDifferences),
        };
    }

    /// <summary>Kaplan-Meier medians per level and the log-rank test for each characteristic and the exposure.</summary>
    public StudyPlan<T, TX> Univariate() => this with { UnivariateAnalysis = true };

    /// <summary>The multivariable Cox model: the exposure plus the characteristics the screen selects.</summary>
    public StudyPlan<T, TX> Multivariable(CoxTies ties, Screen screen) =>
        this with { UnivariateAnalysis = true, MultivariableModel = new MultivariableSpec(ties, screen, null) };

    /// <summary>The multivariable Cox model: the exposure plus a confounder set chosen in advance,
    /// named by characteristic label.</summary>
    public StudyPlan<T, TX> Multivariable(CoxTies ties, params string[] adjustFor) =>
        this with { MultivariableModel = new MultivariableSpec(ties, null, adjustFor) };

    /// <summary>A subgroup of the final cohort, analysed with the same plan.</summary>
    public StudyPlan<T, TX> Subgroup(string name, Func<T, bool> where, Func<SubgroupBuilder<T>, SubgroupBuilder<T>>? configure = null, string? description = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (Subgroups.Any(s => s.Name == name)) throw new ArgumentException($"The subgroup '{name}' is declared twice.", nameof(name));
        var builder = configure is null ? new SubgroupBuilder<T>() : configure(new SubgroupBuilder<T>());
        return this with { Subgroups = Subgroups.Add(new SubgroupSpec<T>(name, description, where, builder.Exclusions, builder.Within)) };
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
        var isExposure = ExposureSpec.Source is not null && ReferenceEquals(characteristic.Source, ExposureSpec.Source) && characteristic.Derivation is null;
        if ((characteristic.Label == ExposureSpec.Label && !isExposure) || Characteristics.Any(c => c.Label == characteristic.Label))
        {
            throw new ArgumentException($"Two characteristics are labelled '{characteristic.Label}'; give one a label of its own.", nameof(characteristic));
        }
        return this with { Characteristics = Characteristics.Add(characteristic) };
    }
}
