using Microsoft.CodeAnalysis.Text;

namespace Pnen.Generators.Tests.Infrastructure;

/// <summary>Source with one expected diagnostic location marked as <c>[|...|]</c>: the markers are
/// removed and the span between them is kept.</summary>
internal static class Markup
{
    public static (string Source, TextSpan Span) Parse(string markup)
    {
        var start = markup.IndexOf("[|", StringComparison.Ordinal);
        var end = markup.IndexOf("|]", StringComparison.Ordinal);
        if (start < 0 || end < start) throw new ArgumentException("The source marks no location with [| and |].", nameof(markup));
        var source = markup.Remove(end, 2).Remove(start, 2);
        return (source, TextSpan.FromBounds(start, end - 2));
    }
}
