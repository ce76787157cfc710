using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Pnen.Generators.Diagnostics;
using Pnen.Shared;

namespace Pnen.Generators.Study.Parsing;

/// <summary>
/// Turns subgroup names into the properties of the generated <c>{Study}Subgroups</c> class
/// ("bt-pNET-sHM" becomes BtPnetShm), and says which subgroups cannot have one. The generator and
/// the analyzer both use it, so a subgroup is reported exactly when it gets no property.
/// </summary>
internal static class SubgroupProperties
{
    /// <summary>Members every class has: a property with one of these names would hide it.</summary>
    private static readonly string[] Reserved = ["Equals", "GetHashCode", "GetType", "ToString", "MemberwiseClone", "Finalize"];

    /// <summary>The subgroup's id (Pnen.Shared.PlanNames, as the runtime computes it); empty when it is no identifier.</summary>
    public static string PropertyName(string subgroup)
    {
        var text = PlanNames.Property(subgroup);
        return SyntaxFacts.IsValidIdentifier(text) ? text : "";
    }

    /// <param name="holder">The generated class that holds the properties; a member cannot share its name.</param>
    public static List<SubgroupProperty> Assign(IEnumerable<SubgroupStep> subgroups, string holder)
    {
        var result = new List<SubgroupProperty>();
        var names = new HashSet<string>();
        var properties = new Dictionary<string, string>();
        foreach (var subgroup in subgroups)
        {
            var name = subgroup.Name.Name;
            if (name is null)
            {
                result.Add(new SubgroupProperty(subgroup, null, StudyDiagnostics.SubgroupNameNotConstant));
                continue;
            }
            if (!names.Add(name))
            {
                result.Add(new SubgroupProperty(subgroup, null, StudyDiagnostics.DuplicateSubgroup, name));
                continue;
            }
            var property = PropertyName(name);
            if (property.Length == 0)
            {
                result.Add(new SubgroupProperty(subgroup, null, StudyDiagnostics.SubgroupPropertyEmpty, name));
            }
            else if (properties.TryGetValue(property, out var other))
            {
                result.Add(new SubgroupProperty(subgroup, null, StudyDiagnostics.SubgroupPropertyCollision, name, property, $"the subgroup '{other}' already is"));
            }
            else if (Reserved.Contains(property) || property == holder)
            {
                var what = property == holder ? "is the name of the class that holds it" : "every object already has";
                result.Add(new SubgroupProperty(subgroup, null, StudyDiagnostics.SubgroupPropertyCollision, name, property, what));
            }
            else
            {
                properties.Add(property, name);
                result.Add(new SubgroupProperty(subgroup, property, null));
            }
        }
        return result;
    }
}

/// <summary>A subgroup and its property, or the problem that leaves it without one.</summary>
internal sealed class SubgroupProperty(SubgroupStep subgroup, string? property, DiagnosticDescriptor? problem, params object[] arguments)
{
    public SubgroupStep Subgroup { get; } = subgroup;

    public string? Property { get; } = property;

    public DiagnosticDescriptor? Problem { get; } = problem;

    public object[] Arguments { get; } = arguments;
}
