namespace Pnen.Generators.Study.Model;

/// <summary>A subgroup of the plan: its name, as the results know it, and its typed property.</summary>
internal sealed record SubgroupModel(string Name, string Property);
