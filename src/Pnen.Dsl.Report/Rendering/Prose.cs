namespace Pnen.Dsl.Report;

/// <summary>Small rules for labels set inside sentences, so generated prose reads as written.</summary>
internal static class Prose
{
    /// <summary>A label as it reads mid-sentence: "Survival time" → "survival time", while an
    /// abbreviation ("OS", "HM diameter", "pNEN") keeps its case.</summary>
    public static string Inline(string label) =>
        label.Length > 1 && char.IsUpper(label[0]) && char.IsLower(label[1]) ? char.ToLowerInvariant(label[0]) + label[1..] : label;

    /// <summary>Text that ends as a sentence does.</summary>
    public static string Sentence(string text)
    {
        var trimmed = text.TrimEnd();
        return trimmed.Length == 0 || trimmed[^1] is '.' or '!' or '?' ? trimmed : trimmed + ".";
    }
}
