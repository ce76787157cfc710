using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace Pnen.Generators.Study.Parsing;

/// <summary>A term a model adds: an adjusted variable or a spline, with where its df is written.</summary>
internal sealed class TermStep(VariableStep variable, bool isSpline, int? df, Location? dfLocation)
{
    public VariableStep Variable { get; } = variable;

    public bool IsSpline { get; } = isSpline;

    /// <summary>A spline's degrees of freedom when constant (3 when not written).</summary>
    public int? Df { get; } = df;

    public Location? DfLocation { get; } = dfLocation;
}

/// <summary>An interaction of two terms of a model.</summary>
internal sealed class InteractionStep(VariableStep first, VariableStep second, Location location)
{
    public VariableStep First { get; } = first;

    public VariableStep Second { get; } = second;

    public Location Location { get; } = location;
}

/// <summary>A <c>.Model(name, ties, m =&gt; ...)</c> of the plan and what its builder lambda declares.</summary>
internal sealed class ModelStep(NamedStep name, Location location)
{
    public NamedStep Name { get; } = name;

    /// <summary>The call's method name, where problems of the whole model are reported.</summary>
    public Location Location { get; } = location;

    public List<TermStep> Terms { get; } = [];

    public List<InteractionStep> Interactions { get; } = [];

    public List<VariableStep> Strata { get; } = [];

    /// <summary>Where .Screen(...) is called, if it is.</summary>
    public Location? Screen { get; set; }

    /// <summary>Where .Firth() is called, if it is.</summary>
    public Location? Firth { get; set; }

    /// <summary>The model's ties when they are written as Cox.Efron or Cox.Breslow (null otherwise), and where.</summary>
    public (string Name, Location Location)? Ties { get; set; }

    /// <summary>Each .Cluster(...) of the model, with where its method's name is.</summary>
    public List<(VariableStep Variable, Location Call)> Clusters { get; } = [];

    /// <summary>Whether every step of the builder lambda could be read (a helper method hides what it adds).</summary>
    public bool IsComplete { get; set; } = true;
}

/// <summary>A constant time of .SurvivalAt or .RestrictedMean, or null where it is not a constant.</summary>
internal sealed class TimeStep(double? value, Location location)
{
    public double? Value { get; } = value;

    public Location Location { get; } = location;
}
