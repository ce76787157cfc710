namespace Pnen.Generators.Study.Parsing;

/// <summary>An exclusion step: its reason and, when it is a lambda, who it removes.</summary>
internal sealed class ExclusionStep(NamedStep reason, LambdaPredicate? excluded)
{
    public NamedStep Reason { get; } = reason;

    public LambdaPredicate? Excluded { get; } = excluded;
}
