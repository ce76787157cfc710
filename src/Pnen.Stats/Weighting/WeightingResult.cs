namespace Pnen.Stats.Weighting;

/// <summary>
/// The weight of every analysed row (in the order of <see cref="Regression.LogitFit.Rows"/>), a summary
/// of them, and per level of the treatment its size, Kish's effective sample size and the distribution
/// of its weights. <see cref="TruncationBounds"/> are the caps applied, null without truncation.
/// </summary>
public sealed record WeightingResult(
    IReadOnlyList<double> Weights,
    Estimand Estimand,
    int? Focal,
    bool Stabilized,
    double? Truncate,
    (double Lower, double Upper)? TruncationBounds,
    int Truncated,
    double Sum,
    double Min,
    double Max,
    double Mean,
    IReadOnlyList<ArmWeights> Arms);

/// <summary>
/// The weights of one treatment level: how many patients, their weights' sum, Kish's effective sample
/// size (Σw)² / Σw², and the five-number summary (type-7 quartiles, as R's summary()).
/// </summary>
public sealed record ArmWeights(string Level, int N, double Sum, double EffectiveSize, double Min, double Q1, double Median, double Q3, double Max);
