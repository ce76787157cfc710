namespace Pnen.Data;

/// <summary>How a requested column is to be read.</summary>
public enum ColumnKind
{
    /// <summary>Finite numbers; anything else is an error.</summary>
    Numeric,

    /// <summary>Finite, non-negative numbers (survival times).</summary>
    NonNegative,

    /// <summary>An event indicator: 0/1 or true/false.</summary>
    Event,

    /// <summary>Levels as written in the file.</summary>
    Categorical,

    /// <summary>Numeric when every value is a number, categorical otherwise.</summary>
    Auto,
}

/// <summary>A column the caller needs, and how to read it.</summary>
public sealed record ColumnRequest(string Name, ColumnKind Kind);
