using Pnen.Dsl;

namespace Pnen_Study1;

// The levels of the categorical variables. [Code] gives the value as the file spells it when it is not
// the member's name (matched without regard to case); [Label] is what the report prints.

/// <summary>The randomised arms (the exposure): the file codes them 1 and 2.</summary>
public enum Treatment
{
    [Code("1")] Standard,
    [Code("2")] Test,
}

public enum CellType
{
    Squamous,
    [Label("Small cell")] SmallCell,
    [Label("Adenocarcinoma")] Adeno,
    [Label("Large cell")] Large,
}

/// <summary>The file codes prior therapy as 0 (no) and 10 (yes).</summary>
public enum PriorTherapy
{
    [Code("0")] No,
    [Code("10")] Yes,
}
