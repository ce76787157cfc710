using static Pnen.Formatting.Numbers;

namespace Pnen.Dsl.Report;

/// <summary>
/// How every renderer labels Firth's penalised estimates: beside a coefficient flagged as possibly
/// infinite the cell reads "not estimable; Firth 4.571 (0.618–592.105)" and its P "0.041 (Firth)", and
/// a footnote says what Firth's estimate is. A limit whose profile did not converge leaves its end of
/// the interval open, as coxphf's NA.
/// </summary>
internal static class FirthText
{
    public const string Label = "Firth";

    /// <summary>"4.571 (0.618–592.105)", with an open end for a limit that did not converge.</summary>
    public static string Interval(double hr, double? lower, double? upper, int decimals) =>
        $"{Ratio(hr, decimals)} ({(lower is { } l ? Ratio(l, decimals) : "")}{RangeDash}{(upper is { } u ? Ratio(u, decimals) : "")})";

    /// <summary>The HR cell of a possibly infinite row with Firth's estimate beside it.</summary>
    public static string Beside(FirthEstimate firth, int decimals) => $"not estimable; {Label} {Interval(firth.HazardRatio, firth.Lower, firth.Upper, decimals)}";

    /// <summary>The P of Firth's estimate, labelled.</summary>
    public static string P(FirthEstimate firth) => $"{PValue(firth.P)} ({Label})";

    /// <summary>Whether any row has Firth's estimate beside it.</summary>
    public static bool AnyBeside(IEnumerable<Estimate> rows) => rows.Any(e => e.PossiblyInfinite && e.Firth is not null);

    /// <summary>The footnote of a table or figure with Firth's estimates beside possibly infinite rows.</summary>
    public const string Footnote =
        "not estimable; Firth: the ordinary estimate may be infinite (monotone likelihood, e.g. a level without events), so Firth's penalised estimate " +
        "(Heinze and Schemper 2001, as R's coxphf: Breslow ties, profile penalised likelihood 95% CI, penalised likelihood-ratio P) of the same model is shown beside it.";

    /// <summary>The forest plot's footnote, where space is short.</summary>
    public const string ForestFootnote = "Firth (open square): Firth's penalised estimate (as coxphf) where the ordinary hazard ratio may be infinite.";

    /// <summary>The footnote of a model fitted by Firth's method.</summary>
    public static string ModelFootnote(string model) =>
        $"{model}: Firth's penalised partial likelihood (as R's coxphf, Breslow ties): hazard ratios with profile penalised likelihood 95% CIs; P is the penalised likelihood-ratio test of each coefficient.";
}
