using Pnen.Generators.Common;

namespace Pnen.Generators.Study.Model;

/// <summary>The plan's steps against confounding: whether it weights (and the covariates whose balance
/// gets a typed property) and whether it has adjusted curves.</summary>
internal sealed record ConfoundingShape(bool Weighting, EquatableArray<ResultShape> Balance, bool AdjustedCurves)
{
    public static readonly ConfoundingShape None = new(false, EquatableArray<ResultShape>.Empty, false);
}
