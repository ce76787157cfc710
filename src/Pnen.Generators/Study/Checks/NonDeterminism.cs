using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Pnen.Generators.Study.Checks;

/// <summary>
/// Finds the uses of APIs whose value changes from run to run: the clock, random numbers, new
/// identifiers, the environment, the file system, processes. Only what the plan's own code names
/// is seen, not what a method it calls does inside.
/// </summary>
internal static class NonDeterminism
{
    public static IEnumerable<(Location Location, string What, string Why)> Find(SyntaxNode scope, SemanticModel model, CancellationToken cancellationToken)
    {
        var found = new List<(SyntaxNode Node, string What, string Why)>();
        foreach (var node in scope.DescendantNodes())
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (node is not (SimpleNameSyntax or ImplicitObjectCreationExpressionSyntax)) continue;
            var info = model.GetSymbolInfo(node, cancellationToken);
            var symbol = info.Symbol ?? info.CandidateSymbols.FirstOrDefault();
            if (symbol is null || Why(symbol) is not { } why) continue;
            var use = Use(node, symbol is INamedTypeSymbol);
            found.Add((use, Display(model.GetSymbolInfo(use, cancellationToken).Symbol ?? symbol), why));
        }
        // Random.Shared.Next() names System.Random three times; the innermost use is where the value enters.
        return found
            .GroupBy(f => f.Node)
            .Select(g => g.First())
            .Where(f => !found.Any(o => o.Node != f.Node && f.Node.Span.Contains(o.Node.Span)))
            .Select(f => (f.Node.GetLocation(), f.What, f.Why));
    }

    /// <summary>The expression that uses the symbol: the whole member access for a member
    /// (DateTime.Now, not Now); for a type, the static member read from it (Random.Shared) or the
    /// object created (new Random(42)), since a type name alone does nothing.</summary>
    private static SyntaxNode Use(SyntaxNode name, bool isType)
    {
        var use = name.Parent is MemberAccessExpressionSyntax access && access.Name == name ? access : name;
        if (!isType) return use;
        if (use.Parent is MemberAccessExpressionSyntax member && member.Expression == use) return member;
        if (use.Parent is ObjectCreationExpressionSyntax creation && creation.Type == use) return creation;
        return use;
    }

    /// <summary>Why a symbol is not deterministic, or null when it is fine.</summary>
    private static string? Why(ISymbol symbol)
    {
        var type = symbol as INamedTypeSymbol ?? symbol.ContainingType;
        if (type is null) return null;
        var member = symbol is INamedTypeSymbol ? null : symbol.Name;
        if (Is(type, "System", "DateTime") && member is "Now" or "UtcNow" or "Today") return "the clock";
        if (Is(type, "System", "DateTimeOffset") && member is "Now" or "UtcNow") return "the clock";
        if (Is(type, "System", "Guid") && member is "NewGuid" or "CreateVersion7") return "a new identifier every call";
        if (DerivesFrom(type, "System", "TimeProvider") || Is(type, "System.Diagnostics", "Stopwatch")) return "the clock";
        if (DerivesFrom(type, "System", "Random") || DerivesFrom(type, "System.Security.Cryptography", "RandomNumberGenerator")) return "random numbers";
        if (Is(type, "System", "Environment")) return "the environment of the machine";
        if (DerivesFrom(type, "System.Diagnostics", "Process")) return "another process";
        if (InNamespace(type, "System.IO")) return "the file system";
        return null;
    }

    private static bool Is(INamedTypeSymbol type, string ns, string name) =>
        type.Name == name && type.ContainingType is null && type.ContainingNamespace.ToDisplayString() == ns;

    private static bool DerivesFrom(INamedTypeSymbol type, string ns, string name)
    {
        for (var t = type; t is not null; t = t.BaseType)
        {
            if (Is(t, ns, name)) return true;
        }
        return false;
    }

    /// <summary>System.IO and the namespaces under it (System.IO.Compression, ...).</summary>
    private static bool InNamespace(INamedTypeSymbol type, string ns)
    {
        var outer = type;
        while (outer.ContainingType is not null) outer = outer.ContainingType;
        var name = outer.ContainingNamespace.ToDisplayString();
        return name == ns || name.StartsWith(ns + ".", System.StringComparison.Ordinal);
    }

    private static string Display(ISymbol symbol) => symbol switch
    {
        INamedTypeSymbol type => type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat),
        IMethodSymbol { MethodKind: MethodKind.Constructor } constructor => "new " + constructor.ContainingType.Name,
        _ => symbol.ContainingType.Name + "." + symbol.Name,
    };
}
