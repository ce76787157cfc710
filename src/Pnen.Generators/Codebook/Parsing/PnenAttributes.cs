using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace Pnen.Generators.Codebook.Parsing;

/// <summary>Reads the Pnen.Dsl attributes on a symbol by name, so the generator needs no reference to Pnen.Dsl.</summary>
internal sealed class PnenAttributes
{
    public const string Namespace = "Pnen.Dsl";
    public const string CodebookMetadataName = "Pnen.Dsl.CodebookAttribute";

    private readonly AttributeData[] _attributes;

    private PnenAttributes(IEnumerable<AttributeData> attributes) => _attributes = attributes.Where(IsPnen).ToArray();

    public static PnenAttributes Of(ISymbol symbol) => new(symbol.GetAttributes());

    public bool Any => _attributes.Length > 0;

    public bool Has(string name) => Find(name) is not null;

    public AttributeData? Find(string name) => _attributes.FirstOrDefault(a => a.AttributeClass!.Name == name);

    public IEnumerable<AttributeData> All(string name) => _attributes.Where(a => a.AttributeClass!.Name == name);

    /// <summary>The first constructor argument of attribute <paramref name="name"/>, as a string.</summary>
    public string? Text(string name) => Find(name) is { } a && a.ConstructorArguments.Length > 0 ? a.ConstructorArguments[0].Value as string : null;

    public static T? Named<T>(AttributeData attribute, string name)
    {
        foreach (var pair in attribute.NamedArguments)
        {
            if (pair.Key == name && pair.Value.Kind != TypedConstantKind.Array && pair.Value.Value is T value) return value;
        }
        return default;
    }

    public static string[]? NamedStrings(AttributeData attribute, string name)
    {
        foreach (var pair in attribute.NamedArguments)
        {
            if (pair.Key == name && pair.Value.Kind == TypedConstantKind.Array && !pair.Value.IsNull)
            {
                return pair.Value.Values.Select(v => v.Value as string).Where(s => s is not null).Select(s => s!).ToArray();
            }
        }
        return null;
    }

    private static bool IsPnen(AttributeData attribute) =>
        attribute.AttributeClass is { ContainingNamespace: { Name: "Dsl", ContainingNamespace: { Name: "Pnen", ContainingNamespace.IsGlobalNamespace: true } } };
}
