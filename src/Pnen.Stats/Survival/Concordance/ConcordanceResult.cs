namespace Pnen.Stats.Survival.Concordance;

/// <summary>
/// Harrell's C as R survival 3.x's <c>concordancefit</c> (time weight "n"): the share of comparable
/// pairs that the predictor orders correctly, ties in the predictor counting one half, with the
/// infinitesimal-jackknife standard error. The pair counts are sums of case weights; a pair is
/// comparable when the shorter time is an event (a censoring at the same time as an event counts as
/// the longer). <see cref="C"/> and <see cref="StdErr"/> are null when no pair is comparable.
/// </summary>
public sealed record ConcordanceResult(
    double? C,
    double? StdErr,
    double Concordant,
    double Discordant,
    double TiedPredictor,
    double TiedTime,
    double TiedBoth);
