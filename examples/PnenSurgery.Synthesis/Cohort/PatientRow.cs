namespace PnenSurgery.Synthesis.Cohort;

/// <summary>One row of the CSV.</summary>
public sealed record PatientRow(string Id, Baseline Baseline, Outcome Outcome);
