using Microsoft.CodeAnalysis;

namespace Pnen.Generators.Diagnostics;

/// <summary>The catalog of codebook diagnostics. Messages say what is wrong and what to write instead.</summary>
internal static class CodebookDiagnostics
{
    private const string Category = "Pnen.Codebook";

    public static readonly DiagnosticDescriptor NotPartial = Error(DiagnosticIds.NotPartial,
        "Codebook type must be partial",
        "The codebook '{0}' must be declared partial so that its loader and descriptors can be generated");

    public static readonly DiagnosticDescriptor UnsupportedType = Error(DiagnosticIds.UnsupportedType,
        "Unsupported variable type",
        "The variable '{0}' has type '{1}', which a codebook cannot read; use string, bool, int, long, double, decimal, DateOnly, an enum, or their nullable forms");

    public static readonly DiagnosticDescriptor DuplicateColumn = Error(DiagnosticIds.DuplicateColumn,
        "Two variables read the same column",
        "The variable '{0}' reads column '{1}', which '{2}' already reads (column names are compared ignoring case)");

    public static readonly DiagnosticDescriptor EmptyEnum = Error(DiagnosticIds.EmptyEnum,
        "Enum without members",
        "The variable '{0}' has the enum type '{1}', which has no members, so no value could be read");

    public static readonly DiagnosticDescriptor TimeNotNumeric = Error(DiagnosticIds.TimeNotNumeric,
        "Survival time is not numeric",
        "The survival time '{0}' has type '{1}'; it must be int, long, double or decimal");

    public static readonly DiagnosticDescriptor EventNotBoolean = Error(DiagnosticIds.EventNotBoolean,
        "Event is not boolean",
        "The event '{0}' has type '{1}'; it must be bool (read from 0/1, true/false or yes/no)");

    public static readonly DiagnosticDescriptor SecondTime = Error(DiagnosticIds.SecondTime,
        "More than one survival time",
        "The codebook already has the survival time '{1}'; '{0}' cannot be a second one");

    public static readonly DiagnosticDescriptor SecondEvent = Error(DiagnosticIds.SecondEvent,
        "More than one event",
        "The codebook already has the event '{1}'; '{0}' cannot be a second one");

    public static readonly DiagnosticDescriptor SecondId = Error(DiagnosticIds.SecondId,
        "More than one identifier",
        "The codebook already has the identifier '{1}'; '{0}' cannot be a second one");

    public static readonly DiagnosticDescriptor IdNotString = Error(DiagnosticIds.IdNotString,
        "Identifier is not a string",
        "The identifier '{0}' has type '{1}'; it must be string");

    public static readonly DiagnosticDescriptor ConflictingRoles = Error(DiagnosticIds.ConflictingRoles,
        "Variable with two roles",
        "The variable '{0}' is marked both [{1}] and [{2}]; a variable has one role");

    public static readonly DiagnosticDescriptor InvalidRange = Error(DiagnosticIds.InvalidRange,
        "Invalid range",
        "The range of '{0}' cannot be used: {1}");

    public static readonly DiagnosticDescriptor AmbiguousLevel = Error(DiagnosticIds.AmbiguousLevel,
        "Ambiguous level spelling",
        "The spelling '{0}' of enum '{1}' means both '{2}' and '{3}' (names, labels and codes are compared ignoring case)");

    public static readonly DiagnosticDescriptor NotTopLevel = Error(DiagnosticIds.NotTopLevel,
        "Codebook must be a top-level, non-generic type",
        "The codebook '{0}' must be a non-generic type declared directly in a namespace");

    public static readonly DiagnosticDescriptor NoConstructor = Error(DiagnosticIds.NoConstructor,
        "Codebook cannot be created",
        "The codebook '{0}' needs a parameterless constructor and must not be abstract; declare its variables as init properties instead of positional parameters");

    public static readonly DiagnosticDescriptor InvalidColumnName = Error(DiagnosticIds.InvalidColumnName,
        "Invalid column name",
        "The column name of '{0}' must not be empty or blank");

    public static readonly DiagnosticDescriptor NotSettable = new(DiagnosticIds.NotSettable,
        "Codebook attribute on a property that is not read",
        "The property '{0}' has no setter or init accessor, so it is not a variable and its codebook attributes are ignored",
        Category, DiagnosticSeverity.Warning, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor NoVariables = new(DiagnosticIds.NoVariables,
        "Codebook without variables",
        "The codebook '{0}' declares no settable property, so it reads nothing",
        Category, DiagnosticSeverity.Warning, isEnabledByDefault: true);

    private static DiagnosticDescriptor Error(string id, string title, string message) =>
        new(id, title, message, Category, DiagnosticSeverity.Error, isEnabledByDefault: true);
}
