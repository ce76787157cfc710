using System.Globalization;
using System.Text;

namespace Pnen.Cli.Scaffold;

/// <summary>Valid, readable C# identifiers and literals from column names and level spellings.</summary>
internal static class CSharpNames
{
    private static readonly HashSet<string> Keywords = new(StringComparer.Ordinal)
    {
        "abstract", "as", "base", "bool", "break", "byte", "case", "catch", "char", "checked", "class", "const", "continue",
        "decimal", "default", "delegate", "do", "double", "else", "enum", "event", "explicit", "extern", "false", "finally",
        "fixed", "float", "for", "foreach", "goto", "if", "implicit", "in", "int", "interface", "internal", "is", "lock",
        "long", "namespace", "new", "null", "object", "operator", "out", "override", "params", "private", "protected",
        "public", "readonly", "ref", "return", "sbyte", "sealed", "short", "sizeof", "stackalloc", "static", "string",
        "struct", "switch", "this", "throw", "true", "try", "typeof", "uint", "ulong", "unchecked", "unsafe", "ushort",
        "using", "virtual", "void", "volatile", "while",
    };

    /// <summary>PascalCase from the words of <paramref name="text"/> (<c>ph.ecog</c> to <c>PhEcog</c>); a leading
    /// digit gets an underscore; null when no letter or digit remains.</summary>
    public static string? Pascal(string text)
    {
        var name = new StringBuilder();
        var newWord = true;
        foreach (var c in text.Normalize(NormalizationForm.FormC))
        {
            if (!char.IsLetterOrDigit(c))
            {
                newWord = true;
                continue;
            }
            name.Append(newWord ? char.ToUpperInvariant(c) : c);
            newWord = false;
        }
        if (name.Length == 0) return null;
        if (char.IsDigit(name[0])) name.Insert(0, '_');
        return name.ToString();
    }

    /// <summary>Whether <paramref name="name"/> can name a type: letters, digits and '_', not starting
    /// with a digit, and not a keyword.</summary>
    public static bool IsIdentifier(string name) =>
        name.Length > 0 && !char.IsDigit(name[0]) && name.All(c => char.IsLetterOrDigit(c) || c == '_') && !Keywords.Contains(name);

    /// <summary>The words of a column name in lower case, for recognising roles (<c>os_months</c> is os + months).</summary>
    public static string[] Words(string text)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var camelBreak = i > 0 && char.IsUpper(c) && char.IsLower(text[i - 1]);
            if (!char.IsLetterOrDigit(c) || camelBreak)
            {
                if (word.Length > 0) words.Add(word.ToString());
                word.Clear();
            }
            if (char.IsLetterOrDigit(c)) word.Append(char.ToLowerInvariant(c));
        }
        if (word.Length > 0) words.Add(word.ToString());
        return [.. words];
    }

    /// <summary>A name not yet in <paramref name="taken"/> (compared as the set compares), suffixed 2, 3, ...
    /// if needed; the result is added to the set.</summary>
    public static string Unique(string name, HashSet<string> taken)
    {
        var candidate = name;
        for (var n = 2; !taken.Add(candidate); n++) candidate = name + n.ToString(CultureInfo.InvariantCulture);
        return candidate;
    }

    /// <summary>A C# string literal for <paramref name="text"/>.</summary>
    public static string Literal(string text)
    {
        var literal = new StringBuilder("\"");
        foreach (var c in text)
        {
            switch (c)
            {
                case '"': literal.Append("\\\""); break;
                case '\\': literal.Append("\\\\"); break;
                case '\n': literal.Append("\\n"); break;
                case '\r': literal.Append("\\r"); break;
                case '\t': literal.Append("\\t"); break;
                default:
                    if (char.IsControl(c)) literal.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    else literal.Append(c);
                    break;
            }
        }
        return literal.Append('"').ToString();
    }
}
