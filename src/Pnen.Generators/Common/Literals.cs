using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis.CSharp;

namespace Pnen.Generators.Common;

/// <summary>C# literals for values taken from user code, escaped and culture-independent.</summary>
internal static class Literals
{
    public static string String(string? value) => value is null ? "null" : SymbolDisplay.FormatLiteral(value, quote: true);

    public static string Double(double value) => value.ToString("R", CultureInfo.InvariantCulture) + "d";

    public static string Bool(bool value) => value ? "true" : "false";

    public static string Strings(EquatableArray<string> values) =>
        values.Count == 0 ? "global::System.Array.Empty<string>()" : "new string[] { " + string.Join(", ", values.Select(String)) + " }";

    /// <summary>A name as code writes it: a keyword used as a name (<c>@event</c>) keeps its '@'.</summary>
    public static string Identifier(string name) =>
        SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None ? "@" + name : name;

    /// <summary>Text for an XML doc comment: the three characters XML reserves are escaped.</summary>
    public static string Xml(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");
}
