namespace PnenSurgery.Synthesis.Cohort;

/// <summary>Overall survival as the CSV records it: months (one decimal) and whether death ended them.</summary>
public readonly record struct Outcome(double OsMonths, bool Died);
