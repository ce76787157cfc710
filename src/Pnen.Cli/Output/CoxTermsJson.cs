using System.Text.Json;
using Pnen.Cli.Commands;
using Pnen.Stats.Survival.Cox.Terms;

namespace Pnen.Cli.Output;

/// <summary>
/// The cox contract's term extensions: <c>"interactions":[{"terms","chisq","df","p"}]</c> (the
/// likelihood-ratio test of each --interaction's product columns against the model without them;
/// "terms" is "a:b", the variable of those columns in "terms"), <c>"nonlinearity":[{"variable",
/// "chisq","df","p"}]</c> (each --spline against the variable entered linearly) and
/// <c>"splines":[{"variable","df","knots","boundaryKnots"}]</c> (R's attr(ns(x), "knots") and
/// "Boundary.knots"; null when no spline could be made). Empty arrays without those options.
/// chisq and p are null when the test has nothing to test (df 0).
/// </summary>
internal static class CoxTermsJson
{
    public static void Write(Utf8JsonWriter w, CoxTermTests? tests)
    {
        tests ??= CoxTermTests.None;
        Tests(w, "interactions", "terms", tests.Interactions);
        Tests(w, "nonlinearity", "variable", tests.Nonlinearity);
        w.WriteStartArray("splines");
        foreach (var spline in tests.Splines)
        {
            w.WriteStartObject();
            w.WriteString("variable", spline.Name);
            w.WriteNumber("df", spline.Columns);
            if (spline.Basis is { } basis)
            {
                w.WriteStartArray("knots");
                foreach (var knot in basis.InteriorKnots) w.NumberValue(knot);
                w.WriteEndArray();
                w.WriteStartArray("boundaryKnots");
                w.NumberValue(basis.LowerBoundary);
                w.NumberValue(basis.UpperBoundary);
                w.WriteEndArray();
            }
            else
            {
                w.WriteNull("knots");
                w.WriteNull("boundaryKnots");
            }
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    private static void Tests(Utf8JsonWriter w, string name, string key, IReadOnlyList<CoxLikelihoodRatioTest> tests)
    {
        w.WriteStartArray(name);
        foreach (var test in tests)
        {
            w.WriteStartObject();
            w.WriteString(key, test.Name);
            w.Number("chisq", test.ChiSquare);
            w.WriteNumber("df", test.DegreesOfFreedom);
            w.Number("p", test.PValue);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }
}
