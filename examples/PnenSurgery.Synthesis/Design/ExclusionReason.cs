namespace PnenSurgery.Synthesis.Design;

/// <summary>The flowchart's exclusions, in the order the paper applies them.</summary>
public enum ExclusionReason { Metachronous, UnknownStage, HepaticWithoutPrimary, PerioperativeDeath }
