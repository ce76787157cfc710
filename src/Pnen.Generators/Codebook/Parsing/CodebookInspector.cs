using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Pnen.Generators.Codebook.Model;
using Pnen.Generators.Common;
using Pnen.Generators.Diagnostics;

namespace Pnen.Generators.Codebook.Parsing;

/// <summary>
/// Turns a [Codebook] type symbol into a <see cref="CodebookModel"/>, reporting every declaration that
/// cannot work. Shared by the generator (which emits nothing for a codebook with errors) and the
/// analyzer (which reports them), so the two can never disagree.
/// </summary>
internal static class CodebookInspector
{
    public static CodebookModel? Inspect(INamedTypeSymbol type, AttributeData codebook, ProblemSink problems, CancellationToken cancellationToken)
    {
        CheckDeclaration(type, problems, cancellationToken);

        var variables = new List<VariableModel>();
        var columns = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        string? id = null, time = null, @event = null;
        foreach (var property in type.GetMembers().OfType<IPropertySymbol>())
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (property.IsStatic || property.IsIndexer || property.IsImplicitlyDeclared) continue;
            var attributes = PnenAttributes.Of(property);
            if (property.SetMethod is null)
            {
                if (attributes.Any) problems.Report(CodebookDiagnostics.NotSettable, Where(property), property.Name);
                continue;
            }

            var variable = InspectProperty(property, attributes, problems);
            if (variable is null) continue;

            if (columns.TryGetValue(variable.Column, out var first))
            {
                problems.Report(CodebookDiagnostics.DuplicateColumn, Where(property), property.Name, variable.Column, first);
            }
            else
            {
                columns.Add(variable.Column, property.Name);
            }
            switch (variable.Role)
            {
                case VariableRole.Id when id is not null:
                    problems.Report(CodebookDiagnostics.SecondId, Where(property), property.Name, id);
                    break;
                case VariableRole.Id:
                    id = property.Name;
                    break;
                case VariableRole.Time when time is not null:
                    problems.Report(CodebookDiagnostics.SecondTime, Where(property), property.Name, time);
                    break;
                case VariableRole.Time:
                    time = property.Name;
                    break;
                case VariableRole.Event when @event is not null:
                    problems.Report(CodebookDiagnostics.SecondEvent, Where(property), property.Name, @event);
                    break;
                case VariableRole.Event:
                    @event = property.Name;
                    break;
            }
            variables.Add(variable);
        }

        if (variables.Count == 0) problems.Report(CodebookDiagnostics.NoVariables, Where(type), type.Name);
        if (problems.HasErrors) return null;

        var missing = PnenAttributes.NamedStrings(codebook, "MissingValues") ?? new[] { "", "NA" };
        return new CodebookModel(
            type.ContainingNamespace.IsGlobalNamespace ? "" : type.ContainingNamespace.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat.WithGlobalNamespaceStyle(SymbolDisplayGlobalNamespaceStyle.Omitted)),
            type.Name,
            type.IsRecord,
            VariablesAccessibility(type, cancellationToken),
            missing.ToEquatableArray(),
            PnenAttributes.Named<bool>(codebook, "IgnoreExtraColumns"),
            variables.ToEquatableArray());
    }

    private static void CheckDeclaration(INamedTypeSymbol type, ProblemSink problems, CancellationToken cancellationToken)
    {
        foreach (var reference in type.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax(cancellationToken) is TypeDeclarationSyntax declaration
                && !declaration.Modifiers.Any(SyntaxKind.PartialKeyword))
            {
                problems.Report(CodebookDiagnostics.NotPartial, declaration.Identifier.GetLocation(), type.Name);
                break;
            }
        }
        if (type.ContainingType is not null || type.IsGenericType)
        {
            problems.Report(CodebookDiagnostics.NotTopLevel, Where(type), type.Name);
        }
        if (type.IsAbstract || !type.InstanceConstructors.Any(c => c.Parameters.Length == 0))
        {
            problems.Report(CodebookDiagnostics.NoConstructor, Where(type), type.Name);
        }
    }

    private static VariableModel? InspectProperty(IPropertySymbol property, PnenAttributes attributes, ProblemSink problems)
    {
        var name = property.Name;
        var location = Where(property);
        var shape = TypeShapes.Classify(property.Type, out var underlying, out var isNullable);
        if (shape is not { } s)
        {
            problems.Report(CodebookDiagnostics.UnsupportedType, location, name, Display(property.Type));
            return null;
        }

        var role = Role(attributes, name, location, problems);
        var typeName = Display(property.Type);
        switch (role)
        {
            case VariableRole.Id when s != ValueShape.String:
                problems.Report(CodebookDiagnostics.IdNotString, location, name, typeName);
                break;
            case VariableRole.Time when !TypeShapes.IsNumber(s):
                problems.Report(CodebookDiagnostics.TimeNotNumeric, location, name, typeName);
                break;
            case VariableRole.Event when s != ValueShape.Boolean:
                problems.Report(CodebookDiagnostics.EventNotBoolean, location, name, typeName);
                break;
        }

        var column = name;
        if (attributes.Find("ColumnAttribute") is { } columnAttribute)
        {
            column = columnAttribute.ConstructorArguments.Length > 0 ? columnAttribute.ConstructorArguments[0].Value as string ?? "" : "";
            if (column.Trim().Length == 0)
            {
                problems.Report(CodebookDiagnostics.InvalidColumnName, location, name);
                column = name;
            }
        }

        var levels = EquatableArray<LevelModel>.Empty;
        string? enumType = null;
        if (s == ValueShape.Enum)
        {
            enumType = underlying.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
            levels = Levels((INamedTypeSymbol)underlying, name, location, problems);
        }

        var unit = attributes.Text("UnitAttribute");
        if (role == VariableRole.Time && attributes.Find("SurvivalTimeAttribute") is { } timeAttribute)
        {
            unit = PnenAttributes.Named<string>(timeAttribute, "Unit") ?? unit;
        }

        return new VariableModel(
            name,
            column,
            attributes.Text("LabelAttribute") ?? name,
            unit,
            role,
            s,
            isNullable,
            enumType,
            levels,
            Range(attributes, s, name, location, problems));
    }

    private static VariableRole Role(PnenAttributes attributes, string name, Location? location, ProblemSink problems)
    {
        var roles = new List<(string Attribute, VariableRole Role)>();
        if (attributes.Has("IdAttribute")) roles.Add(("Id", VariableRole.Id));
        if (attributes.Has("SurvivalTimeAttribute")) roles.Add(("SurvivalTime", VariableRole.Time));
        if (attributes.Has("EventAttribute")) roles.Add(("Event", VariableRole.Event));
        if (roles.Count > 1)
        {
            // Checking the type against either role would only add a second, misleading error.
            problems.Report(CodebookDiagnostics.ConflictingRoles, location, name, roles[0].Attribute, roles[1].Attribute);
            return VariableRole.Value;
        }
        return roles.Count == 0 ? VariableRole.Value : roles[0].Role;
    }

    private static RangeModel? Range(PnenAttributes attributes, ValueShape shape, string name, Location? location, ProblemSink problems)
    {
        if (attributes.Find("RangeAttribute") is not { } range) return null;
        if (!TypeShapes.IsNumber(shape))
        {
            problems.Report(CodebookDiagnostics.InvalidRange, location, name, "only numeric variables have a range");
            return null;
        }
        if (range.ConstructorArguments.Length != 2
            || range.ConstructorArguments[0].Value is not double min
            || range.ConstructorArguments[1].Value is not double max)
        {
            return null; // the compiler reports the malformed attribute itself
        }
        if (double.IsNaN(min) || double.IsNaN(max) || double.IsInfinity(min) || double.IsInfinity(max))
        {
            problems.Report(CodebookDiagnostics.InvalidRange, location, name, "both bounds must be finite numbers");
            return null;
        }
        if (min > max)
        {
            problems.Report(CodebookDiagnostics.InvalidRange, location, name, "the minimum is greater than the maximum");
            return null;
        }
        return new RangeModel(min, max);
    }

    private static EquatableArray<LevelModel> Levels(INamedTypeSymbol enumType, string variable, Location? location, ProblemSink problems)
    {
        var levels = new List<LevelModel>();
        var spellings = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var field in enumType.GetMembers().OfType<IFieldSymbol>())
        {
            if (!field.HasConstantValue) continue;
            var attributes = PnenAttributes.Of(field);
            var label = attributes.Text("LabelAttribute") ?? field.Name;
            var codes = attributes.All("CodeAttribute")
                .Select(a => a.ConstructorArguments.Length > 0 ? a.ConstructorArguments[0].Value as string : null)
                .Where(c => c is not null)
                .Select(c => c!)
                .ToArray();
            foreach (var spelling in new[] { field.Name, label }.Concat(codes).Select(x => x.Trim()).Distinct(StringComparer.OrdinalIgnoreCase))
            {
                if (spellings.TryGetValue(spelling, out var other))
                {
                    problems.Report(CodebookDiagnostics.AmbiguousLevel, location, spelling, enumType.Name, other, field.Name);
                }
                else
                {
                    spellings.Add(spelling, field.Name);
                }
            }
            levels.Add(new LevelModel(field.Name, label, codes.ToEquatableArray()));
        }
        if (levels.Count == 0) problems.Report(CodebookDiagnostics.EmptyEnum, location, variable, enumType.Name);
        return levels.ToEquatableArray();
    }

    // The descriptors class is public only when the record and every enum it names are public.
    private static string VariablesAccessibility(INamedTypeSymbol type, CancellationToken cancellationToken)
    {
        if (type.DeclaredAccessibility != Accessibility.Public) return "internal";
        foreach (var property in type.GetMembers().OfType<IPropertySymbol>())
        {
            cancellationToken.ThrowIfCancellationRequested();
            TypeShapes.Classify(property.Type, out var underlying, out _);
            if (underlying.TypeKind == TypeKind.Enum && !IsPublic(underlying)) return "internal";
        }
        return "public";
    }

    private static bool IsPublic(ISymbol symbol)
    {
        for (var s = symbol; s is INamedTypeSymbol; s = s.ContainingType)
        {
            if (s.DeclaredAccessibility != Accessibility.Public) return false;
        }
        return true;
    }

    private static string Display(ITypeSymbol type) => type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat);

    private static Location? Where(ISymbol symbol) => symbol.Locations.Length > 0 ? symbol.Locations[0] : null;
}
