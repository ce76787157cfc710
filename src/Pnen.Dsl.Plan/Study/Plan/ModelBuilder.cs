using System.Collections.Immutable;
using System.Linq.Expressions;
using Pnen.Shared;

namespace Pnen.Dsl;

/// <summary>
/// What a model holds besides the exposure: <c>m =&gt; m.Adjust(p =&gt; p.Age.PerUnit(10), p =&gt; p.Sex)
/// .Spline(p =&gt; p.Karnofsky, df: 3).Interaction(p =&gt; p.Treatment, p =&gt; p.Sex).Stratify(p =&gt; p.CellType)</c>,
/// or <c>m =&gt; m.Screen(Screen.AtMost(0.15))</c> for the characteristics a univariate screen selects.
/// Every step returns a new builder. Mistakes the compiler can see are reported by the Pnen analyzers
/// (PNEN040-PNEN049) before the plan ever runs.
/// </summary>
public sealed record ModelBuilder<T> where T : ICodebook<T>
{
    internal ImmutableList<TermSpec<T>> Terms { get; private init; } = [];

    internal ImmutableList<(string First, string Second)> Interactions { get; private init; } = [];

    internal ImmutableList<CharacteristicSpec<T>> Strata { get; private init; } = [];

    internal Screen? ScreenRule { get; private init; }

    internal bool FirthFit { get; private init; }

    internal CharacteristicSpec<T>? ClusterBy { get; private init; }

    /// <summary>Covariates chosen in advance. An enum, a boolean or a cut enters as categorical (its first
    /// level the reference, or <c>.WithReference(level)</c>); a number linearly, per unit or per
    /// <c>.PerUnit(k)</c> units.</summary>
    public ModelBuilder<T> Adjust(params Expression<Func<T, object?>>[] covariates)
    {
        var builder = this;
        foreach (var covariate in covariates)
        {
            var read = VariableReader<T>.Read(covariate);
            var form = read.Variable.Kind == CharacteristicKind.Categorical ? TermForm.Categorical : TermForm.Linear;
            builder = builder.Add(new TermSpec<T>(read.Variable, form, read.PerUnit));
        }
        return builder;
    }

    /// <summary>A number as a natural cubic spline with <paramref name="df"/> degrees of freedom (2 to 10):
    /// R's <c>splines::ns(x, df)</c>, knots at quantiles of the values analysed. The model reports the
    /// likelihood-ratio test of non-linearity against the linear term.</summary>
    public ModelBuilder<T> Spline(Expression<Func<T, double?>> variable, int df = 3)
    {
        if (df is < 2 or > 10) throw new ArgumentOutOfRangeException(nameof(df), df, "A spline has 2 to 10 degrees of freedom.");
        var read = VariableReader<T>.Read(variable);
        return Add(new TermSpec<T>(read.Variable, TermForm.Spline, SplineDf: df));
    }

    /// <summary>The interaction of two terms of the model (the exposure or adjusted variables): their
    /// product terms, tested together by a likelihood-ratio test against the model without them.</summary>
    public ModelBuilder<T> Interaction(Expression<Func<T, object?>> first, Expression<Func<T, object?>> second)
    {
        var a = VariableReader<T>.Read(first).Variable.Id;
        var b = VariableReader<T>.Read(second).Variable.Id;
        if (a == b) throw new ArgumentException($"An interaction of {a} with itself is not a term.", nameof(second));
        if (Interactions.Any(i => (i.First == a && i.Second == b) || (i.First == b && i.Second == a)))
        {
            throw new ArgumentException($"The interaction of {a} and {b} is declared twice in the model.", nameof(second));
        }
        return this with { Interactions = Interactions.Add((a, b)) };
    }

    /// <summary>A separate baseline hazard for each level of a categorical variable (R's <c>strata()</c>),
    /// on top of the plan's own stratification.</summary>
    public ModelBuilder<T> Stratify(Expression<Func<T, object?>> by) =>
        this with { Strata = Strata.Add(StrataReader<T>.Read(by)) };

    /// <summary>Adjusts for the characteristics whose univariate P passes <paramref name="screen"/>: the paper's
    /// way, kept for reproduction. A prespecified set (<see cref="Adjust"/>) is the recommended practice.</summary>
    public ModelBuilder<T> Screen(Screen screen) => this with { ScreenRule = screen ?? throw new ArgumentNullException(nameof(screen)) };

    /// <summary>Fits the model by Firth's penalised partial likelihood (Heinze &amp; Schemper 2001, as R's
    /// coxphf): finite estimates under monotone likelihood (a level without events), profile penalised
    /// likelihood limits and a penalised likelihood-ratio P per coefficient. coxphf has Breslow ties and no
    /// strata, so the model must be declared with <c>Cox.Breslow</c>, without strata, splines, interactions
    /// or a cluster (PNEN057-PNEN059).</summary>
    public ModelBuilder<T> Firth() => this with { FirthFit = true };

    /// <summary>A cluster-robust (sandwich) variance, the records of each level of <paramref name="by"/>
    /// (a categorical variable, e.g. the centre) being one independent unit: R's <c>cluster(by)</c>.
    /// Standard errors, confidence limits and P values use it; the model-based standard error is kept.</summary>
    public ModelBuilder<T> Cluster(Expression<Func<T, object?>> by)
    {
        if (ClusterBy is not null) throw new ArgumentException("A model has one cluster variable; it is declared twice.", nameof(by));
        return this with { ClusterBy = StrataReader<T>.Read(by, "A cluster is") };
    }

    private ModelBuilder<T> Add(TermSpec<T> term)
    {
        if (Terms.Any(t => t.Id == term.Id)) throw new ArgumentException($"{term.Variable.Label} is in the model twice.", nameof(term));
        return this with { Terms = Terms.Add(term) };
    }
}

/// <summary>Reads a stratification (or cluster) variable: categorical only.</summary>
internal static class StrataReader<T> where T : ICodebook<T>
{
    /// <param name="what">The sentence's subject: "Strata are", "A cluster is".</param>
    public static CharacteristicSpec<T> Read(LambdaExpression by, string what = "Strata are")
    {
        var variable = VariableReader<T>.Read(by).Variable;
        if (variable.Kind != CharacteristicKind.Categorical)
        {
            throw new ArgumentException($"{what} the levels of a categorical variable (an enum, a boolean or a cut); {variable.Label} is a number.", nameof(by));
        }
        return variable;
    }
}
