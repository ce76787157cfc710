using Pnen.Generators.Common;

namespace Pnen.Generators.Study.Model;

/// <summary>A subgroup of the plan: its name, its typed property, and the selections it adds to the plan's.</summary>
internal sealed record SubgroupModel(string Name, string Property, EquatableArray<SelectionShape> Selections);
