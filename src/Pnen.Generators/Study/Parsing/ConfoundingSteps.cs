using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace Pnen.Generators.Study.Parsing;

/// <summary>A <c>.Weighting(w =&gt; w.Ate(...).Stabilized().Truncate(lower, upper))</c> of the plan and what its builder declares.</summary>
internal sealed class WeightingStep(Location location)
{
    /// <summary>The call's method name.</summary>
    public Location Location { get; } = location;

    /// <summary>"Ate" or "Att" as written, with where; null when neither is called.</summary>
    public string? Estimand { get; set; }

    public Location? EstimandLocation { get; set; }

    /// <summary>The propensity model's covariates.</summary>
    public List<VariableStep> Covariates { get; } = [];

    /// <summary>Where .Focal(level) is called, if it is.</summary>
    public Location? Focal { get; set; }

    /// <summary>The constant quantiles of .Truncate(lower, upper), each with where it is written (null values: not constants).</summary>
    public TimeStep? TruncateLower { get; set; }

    public TimeStep? TruncateUpper { get; set; }

    /// <summary>Whether every step of the builder lambda could be read.</summary>
    public bool IsComplete { get; set; } = true;
}

/// <summary>A <c>.AdjustedCurves(c =&gt; c.Model(name) or .Adjust(...) .SurvivalAt(...).RestrictedMean(tau).Bootstrap(n, seed))</c>.</summary>
internal sealed class AdjustedCurvesStep(Location location)
{
    /// <summary>The call's method name.</summary>
    public Location Location { get; } = location;

    /// <summary>The model named with .Model(name).</summary>
    public NamedStep? Model { get; set; }

    /// <summary>Whether .Adjust(...) is called, and its covariates.</summary>
    public bool HasCovariates { get; set; }

    public List<VariableStep> Covariates { get; } = [];

    public List<TimeStep> Times { get; } = [];

    public TimeStep? Tau { get; set; }

    /// <summary>Where .Bootstrap is called, its constant number of replicates (null: not a constant), and its seed argument.</summary>
    public Location? Bootstrap { get; set; }

    public TimeStep? Replicates { get; set; }

    /// <summary>Whether a seed is given (and is not the literal null).</summary>
    public bool HasSeed { get; set; }

    public bool IsComplete { get; set; } = true;
}
