namespace Pnen.Dsl;

/// <summary>
/// One term of a fitted model: its hazard-ratio rows and, where one applies, its own test: the
/// likelihood-ratio test of an interaction's product terms, of a spline's columns together
/// (<see cref="Test"/>) and of its departure from linearity (<see cref="Nonlinearity"/>).
/// A term left out in this cohort (it does not vary here) has <see cref="InModel"/> false and
/// rows that say why.
/// </summary>
public sealed class TermResult
{
    internal TermResult(TermDeclaration declaration, IReadOnlyList<object> levelValues)
    {
        Declaration = declaration;
        LevelValues = levelValues;
    }

    public TermDeclaration Declaration { get; }

    internal IReadOnlyList<object> LevelValues { get; }

    public string Id => Declaration.Id;

    public string Label => Declaration.Label;

    public TermForm Form => Declaration.Form;

    public required bool InModel { get; init; }

    /// <summary>The rows of the term in order: a categorical term's one row per level in level order (the reference's without numbers);
    /// a linear term's one row; a spline's one row per basis column; an interaction's product terms.</summary>
    public required IReadOnlyList<Estimate> Estimates { get; init; }

    /// <summary>The likelihood-ratio test of the term's columns together (interactions and splines; null otherwise).</summary>
    public TestResult? Test { get; init; }

    /// <summary>A spline's likelihood-ratio test against the linear term.</summary>
    public TestResult? Nonlinearity { get; init; }

    /// <summary>A spline's interior and boundary knots (null otherwise).</summary>
    public IReadOnlyList<double>? Knots { get; init; }

    public string? Note { get; init; }

    /// <summary>The proportional hazards test of the term (cox.zph; a categorical term's levels together); null when it was not done.</summary>
    public TestResult? ProportionalHazards { get; init; }
}

/// <summary>A number's term: the hazard ratio per <see cref="PerUnit"/> units.</summary>
public sealed class NumericTerm(TermResult term)
{
    public TermResult Term { get; } = term;

    /// <summary>The term's proportional hazards test (cox.zph).</summary>
    public TestResult? ProportionalHazards => Term.ProportionalHazards;

    public Estimate Estimate => Term.Estimates[0];

    public double PerUnit => Term.Declaration.PerUnit;

    public double? HazardRatio => Estimate.HazardRatio;

    public double? Lower => Estimate.Lower;

    public double? Upper => Estimate.Upper;

    public double? P => Estimate.P;
}

/// <summary>A categorical term, indexed by its levels' values: <c>model.Sex[Sex.Female]</c>.</summary>
public sealed class CategoricalTerm<TLevel>(TermResult term) where TLevel : notnull
{
    public TermResult Term { get; } = term;

    /// <summary>The term's proportional hazards test (cox.zph).</summary>
    public TestResult? ProportionalHazards => Term.ProportionalHazards;

    /// <summary>The row of a level (the reference's has no numbers).</summary>
    public Estimate this[TLevel level]
    {
        get
        {
            for (var i = 0; i < Term.LevelValues.Count; i++)
            {
                if (Equals(Term.LevelValues[i], level)) return Term.Estimates.Single(e => e.Level == Term.Declaration.Variable!.Levels[i]);
            }
            throw new ArgumentOutOfRangeException(nameof(level), level, $"Not a level of {Term.Label}.");
        }
    }
}

/// <summary>A cut's term: <see cref="Low"/> is the level below (or at most) the threshold, <see cref="High"/> the other.</summary>
public sealed class CutTerm(TermResult term)
{
    public TermResult Term { get; } = term;

    /// <summary>The term's proportional hazards test (cox.zph).</summary>
    public TestResult? ProportionalHazards => Term.ProportionalHazards;

    public Estimate Low => Term.Estimates.Single(e => e.Level == Term.Declaration.Variable!.Levels[0]);

    public Estimate High => Term.Estimates.Single(e => e.Level == Term.Declaration.Variable!.Levels[1]);
}

/// <summary>A spline's term: the tests of the curve and of its departure from a straight line.</summary>
public sealed class SplineTerm(TermResult term)
{
    public TermResult Term { get; } = term;

    /// <summary>The term's proportional hazards test (cox.zph).</summary>
    public TestResult? ProportionalHazards => Term.ProportionalHazards;

    public int Df => Term.Declaration.SplineDf;

    /// <summary>All basis columns against none.</summary>
    public TestResult? Overall => Term.Test;

    /// <summary>The spline against the linear term.</summary>
    public TestResult? Nonlinearity => Term.Nonlinearity;

    public IReadOnlyList<double>? Knots => Term.Knots;
}

/// <summary>An interaction's term: the likelihood-ratio test of its product terms and their rows.</summary>
public sealed class InteractionTerm(TermResult term)
{
    public TermResult Term { get; } = term;

    /// <summary>The term's proportional hazards test (cox.zph).</summary>
    public TestResult? ProportionalHazards => Term.ProportionalHazards;

    public TestResult? Test => Term.Test;

    public double? P => Term.Test?.P;

    public IReadOnlyList<Estimate> Estimates => Term.Estimates;
}
