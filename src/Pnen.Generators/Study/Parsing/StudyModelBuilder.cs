using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Pnen.Generators.Common;
using Pnen.Generators.Study.Model;
using Pnen.Shared;

namespace Pnen.Generators.Study.Parsing;

/// <summary>
/// Keeps, of a study class and its read plan, the plain values the emitter needs: a typed property
/// for every subgroup, characteristic, model, term and selection whose id is known and free. A part in
/// error (reported by the analyzer) gets no property; the others still do.
/// </summary>
internal static class StudyModelBuilder
{
    /// <summary>Members a generated class has besides its properties; a property with one of these names would hide it.</summary>
    private static readonly string[] Reserved = ["Equals", "GetHashCode", "GetType", "ToString", "MemberwiseClone", "Finalize", "Result", "Item"];

    /// <summary>Members a generated model class has besides its terms.</summary>
    private static readonly string[] ModelMembers = ["ProportionalHazards", "Concordance"];

    public static StudyModel Build(StudyClass study, PlanSyntax plan)
    {
        var type = study.Type;
        var subgroups = SubgroupProperties.Assign(plan.Subgroups, type.Name + "Subgroups")
            .Where(s => s.Property is not null)
            .Select(s => new SubgroupModel(s.Subgroup.Name.Name!, s.Property!, Selections(s.Subgroup.Selections)))
            .ToEquatableArray();
        // A typed result is public only when every type it shows is: the study, its record, its exposure and the levels it indexes by.
        var levelTypes = plan.Characteristics.Concat(plan.Selections.SelectMany(s => s.Effects)).Concat(plan.Subgroups.SelectMany(g => g.Selections.SelectMany(s => s.Effects)))
            .Select(c => c.Variable?.LevelType)
            .Concat(plan.Models.SelectMany(m => m.Terms.Select(t => t.Variable.LevelType)))
            .Concat(plan.Weightings.Take(1).SelectMany(w => w.Covariates.Select(c => c.LevelType)));
        var isPublic = IsPublic(type) && IsPublic(study.Record) && IsPublic(study.Exposure) && levelTypes.All(t => t is null || IsPublic(t));
        return new StudyModel(
            type.ContainingNamespace.IsGlobalNamespace ? "" : type.ContainingNamespace.ToDisplayString(),
            type.Name,
            isPublic ? "public" : "internal",
            study.Name,
            study.EmbeddedData,
            study.Record.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat),
            study.Exposure.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat),
            subgroups,
            plan.Univariate ? Shapes(plan.Characteristics) : EquatableArray<ResultShape>.Empty,
            Models(plan),
            plan.SurvivalTimes.Count > 0,
            plan.RestrictedMean is not null,
            Selections(plan.Selections),
            plan.ExposureStarts.Count > 0,
            ConfoundingShapes.Of(plan, Free, LevelType));
    }

    private static EquatableArray<ResultShape> Shapes(IEnumerable<CharacteristicStep> characteristics)
    {
        var shapes = new List<ResultShape>();
        foreach (var c in characteristics)
        {
            if (c.Id is not { } id || c.Variable is not { } variable || !Free(id, shapes.Select(s => s.Id))) continue;
            var kind = variable.Kind switch
            {
                ValueKind.Categorical => ResultKind.Levels,
                ValueKind.Cut => ResultKind.Cut,
                ValueKind.Continuous => ResultKind.Number,
                _ => (ResultKind?)null,
            };
            if (kind is { } k) shapes.Add(new ResultShape(id, k, LevelType(variable)));
        }
        return shapes.ToEquatableArray();
    }

    private static EquatableArray<ModelShape> Models(PlanSyntax plan)
    {
        var models = new List<ModelShape>();
        foreach (var model in plan.Models)
        {
            if (model.Name.Name is not { } name || PlanNames.Property(name) is not { Length: > 0 } id || !Free(id, models.Select(m => m.Id))) continue;
            var terms = new List<ResultShape>();
            if (model.Screen is null)
            {
                foreach (var term in model.Terms)
                {
                    var v = term.Variable;
                    if (v.Id is not { } termId || !Free(termId, terms.Select(t => t.Id)) || ModelMembers.Contains(termId) || termId == plan.Exposure?.Member?.Name) continue;
                    ResultKind? kind = term.IsSpline ? ResultKind.Spline : v.Kind switch
                    {
                        ValueKind.Categorical => ResultKind.Levels,
                        ValueKind.Cut => ResultKind.Cut,
                        ValueKind.Continuous => ResultKind.Number,
                        _ => null,
                    };
                    if (kind is { } k) terms.Add(new ResultShape(termId, k, k == ResultKind.Levels ? LevelType(v) : null));
                }
                foreach (var interaction in model.Interactions)
                {
                    if (interaction.First.Id is not { } a || interaction.Second.Id is not { } b || a == b) continue;
                    var termId = PlanNames.Interaction(a, b);
                    if (Free(termId, terms.Select(t => t.Id)) && !ModelMembers.Contains(termId)) terms.Add(new ResultShape(termId, ResultKind.Interaction, null));
                }
            }
            models.Add(new ModelShape(id, name, terms.ToEquatableArray()));
        }
        return models.ToEquatableArray();
    }

    private static EquatableArray<SelectionShape> Selections(IEnumerable<SelectionStep> selections)
    {
        var shapes = new List<SelectionShape>();
        foreach (var selection in selections)
        {
            if (selection.Name.Name is not { } name || PlanNames.Property(name) is not { Length: > 0 } id || !Free(id, shapes.Select(s => s.Id))) continue;
            shapes.Add(new SelectionShape(id, name, Shapes(selection.Effects)));
        }
        return shapes.ToEquatableArray();
    }

    private static bool Free(string id, IEnumerable<string> taken) => !Reserved.Contains(id) && !taken.Contains(id);

    private static string? LevelType(VariableStep variable) =>
        variable.Kind == ValueKind.Categorical ? variable.LevelType?.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat) : null;

    private static bool IsPublic(ITypeSymbol type)
    {
        if (type.SpecialType != SpecialType.None) return true;
        for (ISymbol? s = type; s is INamedTypeSymbol; s = s.ContainingType)
        {
            if (s.DeclaredAccessibility != Accessibility.Public) return false;
        }
        if (type is INamedTypeSymbol { IsGenericType: true } generic) return generic.TypeArguments.All(IsPublic);
        return true;
    }
}
