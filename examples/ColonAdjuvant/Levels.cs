using Pnen.Dsl;

namespace ColonAdjuvant;

/// <summary>The randomised arms: observation, levamisole alone, levamisole with fluorouracil.</summary>
public enum Treatment
{
    [Code("Obs"), Label("Observation")] Observation,
    [Code("Lev"), Label("Levamisole")] Levamisole,
    [Code("Lev+5FU"), Label("Levamisole + 5-FU")] LevamisoleFluorouracil,
}

public enum Sex
{
    [Code("0")] Female,
    [Code("1")] Male,
}

/// <summary>Differentiation of the tumour (missing for 23 patients).</summary>
public enum Differentiation
{
    [Code("1")] Well,
    [Code("2")] Moderate,
    [Code("3")] Poor,
}

public enum Extent
{
    [Code("1")] Submucosa,
    [Code("2")] Muscle,
    [Code("3")] Serosa,
    [Code("4"), Label("Contiguous structures")] Contiguous,
}

public enum SurgeryDelay
{
    [Code("0")] Short,
    [Code("1")] Long,
}
