using System.Globalization;
using Pnen.Cli.CommandLine;
using Pnen.Stats.Survival.Cox;
using Pnen.Stats.Survival.Cox.Terms;

namespace Pnen.Cli.Commands;

/// <summary>
/// <c>pnen cox --interaction a:b[,c:d] --spline x:df[,y:df]</c>: which covariates interact and
/// which enter as natural splines, the model's terms that follow (main effects in --covariates
/// order with splines in their place, then the interactions, as R orders a formula's terms), and
/// the likelihood-ratio tests that come with them.
/// </summary>
internal sealed class CoxTermOptions
{
    /// <summary>Degrees of freedom beyond this are a typo, not a model (R users take 2 to 6).</summary>
    private const int MaxSplineDf = 30;

    public static readonly OptionSpec Interaction = new("interaction",
        "interactions of two covariates, both in --covariates (R's a*b): the products of their columns, each tested against the model without it (likelihood ratio)", ValueName: "A:B,C:D");

    public static readonly OptionSpec Spline = new("spline",
        "numeric covariates entered as natural cubic splines with DF degrees of freedom (R's ns(x, df); knots at quantiles of the analysed values), each tested against the linear term (likelihood ratio)", ValueName: "X:DF,Y:DF");

    private CoxTermOptions(IReadOnlyList<(string Left, string Right)> interactions, IReadOnlyDictionary<string, int> splines)
    {
        Interactions = interactions;
        Splines = splines;
    }

    public IReadOnlyList<(string Left, string Right)> Interactions { get; }

    /// <summary>Spline columns and their degrees of freedom, in --spline order.</summary>
    public IReadOnlyDictionary<string, int> Splines { get; }

    public static CoxTermOptions Parse(Arguments arguments, IReadOnlyList<string> covariates, IReadOnlyDictionary<string, string?> categorical)
    {
        var interactions = new List<(string, string)>();
        foreach (var entry in arguments.List(Interaction.Name))
        {
            var parts = entry.Split(':');
            if (parts.Length != 2 || parts[0].Length == 0 || parts[1].Length == 0)
            {
                throw new UsageException($"--interaction '{entry}' must be two covariates joined by ':' (e.g. rx:sex)");
            }
            foreach (var part in parts)
            {
                if (!covariates.Contains(part)) throw new UsageException($"--interaction '{entry}': '{part}' must also be in --covariates (the main effects of an interaction belong in the model)");
            }
            if (parts[0] == parts[1]) throw new UsageException($"--interaction '{entry}' joins a covariate with itself");
            if (interactions.Contains((parts[0], parts[1])) || interactions.Contains((parts[1], parts[0])))
            {
                throw new UsageException($"--interaction lists the interaction of '{parts[0]}' and '{parts[1]}' more than once");
            }
            interactions.Add((parts[0], parts[1]));
        }

        var splines = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var entry in arguments.List(Spline.Name))
        {
            var colon = entry.LastIndexOf(':');
            var column = colon < 0 ? entry : entry[..colon];
            if (colon < 0) throw new UsageException($"--spline '{entry}' needs its degrees of freedom: {column}:3");
            if (!covariates.Contains(column)) throw new UsageException($"--spline names '{column}', which is not in --covariates");
            if (categorical.ContainsKey(column)) throw new UsageException($"--spline '{column}' is also in --categorical; a spline needs a numeric covariate");
            var df = entry[(colon + 1)..];
            if (!int.TryParse(df, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < 1 || value > MaxSplineDf)
            {
                throw new UsageException($"--spline '{entry}': the degrees of freedom must be a whole number from 1 to {MaxSplineDf}, not '{df}'");
            }
            if (!splines.TryAdd(column, value)) throw new UsageException($"--spline lists '{column}' more than once");
        }
        return new CoxTermOptions(interactions, splines);
    }

    /// <summary>The model's terms from the covariates' plain terms: splines in place, interactions after.</summary>
    public IReadOnlyList<CoxCovariate> Terms(IReadOnlyList<CoxCovariate> covariates)
    {
        var terms = covariates.Select(c => Splines.TryGetValue(c.Name, out var df) && c is NumericCovariate num
            ? new SplineCovariate(num.Name, num.Values, df)
            : c).ToList();
        var byName = terms.ToDictionary(t => t.Name, StringComparer.Ordinal);
        terms.AddRange(Interactions.Select(i => new InteractionCovariate(byName[i.Left], byName[i.Right])));
        return terms;
    }

    /// <summary>The tests of every interaction and every spline of a fitted model, in the order given.</summary>
    public CoxTermTests Test(CoxModel model) => new(
        Interactions.Select(i => model.TestWithout($"{i.Left}:{i.Right}")).ToArray(),
        Splines.Keys.Select(model.TestNonlinearity).ToArray(),
        model.Covariates.OfType<SplineCovariate>().ToArray());
}

/// <summary>What the term options add to a cox report: the tests and the splines as fitted (knots).</summary>
internal sealed record CoxTermTests(IReadOnlyList<CoxLikelihoodRatioTest> Interactions, IReadOnlyList<CoxLikelihoodRatioTest> Nonlinearity, IReadOnlyList<SplineCovariate> Splines)
{
    public static readonly CoxTermTests None = new([], [], []);

    /// <summary>The tests' warnings, each naming its test.</summary>
    public IEnumerable<string> Warnings =>
        Interactions.SelectMany(t => t.Warnings.Select(w => $"interaction {t.Name}: {w}"))
            .Concat(Nonlinearity.SelectMany(t => t.Warnings.Select(w => $"non-linearity of {t.Name}: {w}")));
}
