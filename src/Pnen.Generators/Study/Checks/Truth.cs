namespace Pnen.Generators.Study.Checks;

/// <summary>Three-valued logic: what a predicate is known to give, or that it is not known.</summary>
internal enum Truth
{
    Unknown,
    False,
    True,
}

internal static class TruthExtensions
{
    public static Truth Not(this Truth t) => t switch
    {
        Truth.True => Truth.False,
        Truth.False => Truth.True,
        _ => Truth.Unknown,
    };

    public static Truth And(this Truth a, Truth b) =>
        a == Truth.False || b == Truth.False ? Truth.False : a == Truth.True && b == Truth.True ? Truth.True : Truth.Unknown;

    public static Truth Or(this Truth a, Truth b) =>
        a == Truth.True || b == Truth.True ? Truth.True : a == Truth.False && b == Truth.False ? Truth.False : Truth.Unknown;

    public static Truth Of(bool value) => value ? Truth.True : Truth.False;
}
