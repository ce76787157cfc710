namespace PnenSurgery.Synthesis.Cohort;

/// <summary>One row of the CSV; <see cref="MonthsToSurgery"/> is null for the unresected (see <see cref="SurgeryTiming"/>).</summary>
public sealed record PatientRow(string Id, Baseline Baseline, Outcome Outcome, double? MonthsToSurgery);
