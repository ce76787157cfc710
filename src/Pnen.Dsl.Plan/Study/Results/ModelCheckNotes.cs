namespace Pnen.Dsl;

/// <summary>A model with a possibly infinite coefficient whose Firth estimate cannot be shown beside it, and why.</summary>
public sealed record FirthNotApplicable(string Model, string Reason) : Note
{
    public override string Describe() => $"{Model}: no Firth estimate beside the possibly infinite coefficients: {Reason}";
}
