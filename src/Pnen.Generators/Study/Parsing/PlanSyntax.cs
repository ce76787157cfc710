using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace Pnen.Generators.Study.Parsing;

/// <summary>
/// A plan as read from its source: every step the checks and the generator care about, with the
/// symbols and locations the checks need. It never leaves the transform or analyzer action that
/// read it; the generator keeps only the values of a <see cref="Model.StudyModel"/>.
/// </summary>
internal sealed class PlanSyntax(SemanticModel semanticModel, Location planLocation, SyntaxNode scope)
{
    public SemanticModel SemanticModel { get; } = semanticModel;

    /// <summary>The Plan property's name, where plan-wide problems (no outcome) are reported.</summary>
    public Location PlanLocation { get; } = planLocation;

    /// <summary>The whole body of the Plan property, searched for non-deterministic calls.</summary>
    public SyntaxNode Scope { get; } = scope;

    /// <summary>Steps the reader could not follow (a helper method, a foreign extension); each makes the plan partly unknown.</summary>
    public List<(Location Location, string What)> Unreadable { get; } = [];

    /// <summary>Where each .Survival(...) is called.</summary>
    public List<Location> Outcomes { get; } = [];

    /// <summary>The cohort flow's exclusions, from .Exclude and .Flow, in order.</summary>
    public List<ExclusionStep> Exclusions { get; } = [];

    public ExposureStep? Exposure { get; set; }

    public List<CharacteristicStep> Characteristics { get; } = [];

    /// <summary>Every cut of the plan: characteristics and effects within selections.</summary>
    public List<CutStep> Cuts { get; } = [];

    public List<GroupingStep> Groupings { get; } = [];

    /// <summary>The plan's own stratification (<c>.Stratify(p =&gt; p.Centre)</c>).</summary>
    public List<VariableStep> Strata { get; } = [];

    public List<ModelStep> Models { get; } = [];

    /// <summary>Where .Model(...) is called on a plan that has no exposure yet.</summary>
    public List<Location> ModelsBeforeExposure { get; } = [];

    /// <summary>Whether .Univariate() is called (a screened model implies it).</summary>
    public bool Univariate { get; set; }

    public List<TimeStep> SurvivalTimes { get; } = [];

    public TimeStep? RestrictedMean { get; set; }

    /// <summary>Where the exposure's start is declared: <c>startsAt:</c> on .Exposure (time-dependent main
    /// analyses) or .ImmortalTime (the check only), in plan order.</summary>
    public List<(Location Location, bool Main)> ExposureStarts { get; } = [];

    /// <summary>.Landmark calls: where each is, whether a start was declared before it, and its times.</summary>
    public List<(Location Location, bool AfterStart, List<TimeStep> Times)> Landmarks { get; } = [];

    public List<SubgroupStep> Subgroups { get; } = [];

    /// <summary>The plan's own analyses within selections.</summary>
    public List<SelectionStep> Selections { get; } = [];

    /// <summary>Each .Weighting(...) of the plan (one is allowed).</summary>
    public List<WeightingStep> Weightings { get; } = [];

    /// <summary>Each .AdjustedCurves(...) of the plan (one is allowed).</summary>
    public List<AdjustedCurvesStep> AdjustedCurves { get; } = [];

    public bool IsComplete => Unreadable.Count == 0;
}
