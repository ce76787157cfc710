using PnenSurgery.Synthesis.Cohort;

namespace PnenSurgery.Synthesis.Design;

/// <summary>
/// A block of final-cohort patients who share their arm and what places them in (or out of) the
/// paper's subgroups. Every count the paper publishes is a sum over cells, so fixing the counts
/// per cell fixes every published margin at once.
/// </summary>
public sealed record Cell(string Name, Arm Arm, int Size, EffectGroup EffectGroup, bool ExtrahepaticMets);
