using System.Globalization;
using System.Text;
using Pnen.Cli.Commands;

namespace Pnen.Cli.Output;

/// <summary>`pnen cox --format md` with --interaction or --spline: the likelihood-ratio tests of
/// the terms, and the knots of each spline.</summary>
internal static class CoxTermsMarkdown
{
    public static void Write(StringBuilder text, CoxTermTests? tests)
    {
        if (tests is null || (tests.Interactions.Count == 0 && tests.Nonlinearity.Count == 0)) return;
        text.Append("\nLikelihood-ratio tests of terms (each against the same model without it, on the same rows):\n\n");
        var rows = tests.Interactions.Select(t => ($"Interaction {t.Name}", t))
            .Concat(tests.Nonlinearity.Select(t => ($"Non-linearity of {t.Name}", t)));
        MarkdownText.Table(text, ["Test", "Chi-square", "df", "p"], rows.Select(r => (IReadOnlyList<string>)
        [
            r.Item1, MarkdownText.Cell(r.t.ChiSquare), r.t.DegreesOfFreedom.ToString(CultureInfo.InvariantCulture), MarkdownText.P(r.t.PValue),
        ]));
        foreach (var spline in tests.Splines.Where(s => s.Basis is not null))
        {
            var knots = string.Join(", ", spline.Basis!.InteriorKnots.Select(k => MarkdownText.Cell(k)));
            text.Append(CultureInfo.InvariantCulture, $"\nSpline of {spline.Name}: natural cubic, {spline.Columns} df, boundary knots {MarkdownText.Cell(spline.Basis.LowerBoundary)} and {MarkdownText.Cell(spline.Basis.UpperBoundary)}")
                .Append(knots.Length == 0 ? ", no interior knot.\n" : $", interior knots {knots}.\n");
        }
    }
}
