namespace Pnen.Dsl;

/// <summary>
/// One exposure level against the reference for one balance row: the means (proportions for a level of a
/// categorical covariate) in each, before and after weighting, and the standardised differences. Nulls
/// where a difference is not defined (an empty arm, an arm of one for a number).
/// </summary>
public sealed record BalanceComparison(
    string Level,
    double? MeanBefore,
    double? ReferenceMeanBefore,
    double? MeanAfter,
    double? ReferenceMeanAfter,
    double? Before,
    double? After);

/// <summary>
/// The balance of one covariate (a number), or of one level of a categorical covariate, between the
/// exposure levels: standardised differences before and after weighting in cobalt's convention (pooled
/// standard deviation of the unweighted arms, the same before and after). <see cref="Before"/> and
/// <see cref="After"/> are the difference of largest absolute value over the comparisons with the
/// reference (for two levels, the one difference), as cobalt's summary of a multi-category treatment;
/// index by an exposure level for its own comparison: <c>Balance.Age[Surgery.PHR].After</c>.
/// </summary>
public sealed class CovariateBalance<TX> where TX : notnull
{
    private readonly Func<TX, int> _code;
    private readonly int _reference;

    internal CovariateBalance(VariableDeclaration covariate, string? level, IReadOnlyList<BalanceComparison> comparisons, Func<TX, int> code, int reference)
    {
        Covariate = covariate;
        Level = level;
        Comparisons = comparisons;
        _code = code;
        _reference = reference;
    }

    public VariableDeclaration Covariate { get; }

    public string Id => Covariate.Id;

    public string Label => Covariate.Label;

    /// <summary>The covariate's level this row is about; null for a number.</summary>
    public string? Level { get; }

    /// <summary>One comparison per exposure level other than the reference, in level order.</summary>
    public IReadOnlyList<BalanceComparison> Comparisons { get; }

    public double? Before => Largest(c => c.Before);

    public double? After => Largest(c => c.After);

    /// <summary>Whether the difference after weighting exceeds 0.1 in absolute value (Austin 2009's threshold).</summary>
    public bool Imbalanced => After is { } after && Math.Abs(after) > WeightingResult<TX>.BalanceThreshold;

    /// <summary>The comparison of an exposure level with the reference.</summary>
    public BalanceComparison this[TX level]
    {
        get
        {
            var code = _code(level);
            if (code == _reference) throw new ArgumentOutOfRangeException(nameof(level), level, "The reference level is what the others are compared with.");
            var index = code < _reference ? code : code - 1;
            return index >= 0 && index < Comparisons.Count ? Comparisons[index] : throw new ArgumentOutOfRangeException(nameof(level), level, "Not a level of the exposure.");
        }
    }

    private double? Largest(Func<BalanceComparison, double?> smd) =>
        Comparisons.Select(smd).Where(v => v is not null).OrderByDescending(v => Math.Abs(v!.Value)).FirstOrDefault();
}

/// <summary>A categorical covariate's balance, one row per level: <c>Balance.Grade[Grade.G3].After</c>.</summary>
public sealed class CategoricalBalance<TLevel, TX> where TLevel : notnull where TX : notnull
{
    private readonly IReadOnlyList<object> _values;

    internal CategoricalBalance(IReadOnlyList<CovariateBalance<TX>> levels, IReadOnlyList<object> values)
    {
        Levels = levels;
        _values = values;
    }

    /// <summary>The rows of the levels, in level order.</summary>
    public IReadOnlyList<CovariateBalance<TX>> Levels { get; }

    public CovariateBalance<TX> this[TLevel level]
    {
        get
        {
            for (var i = 0; i < _values.Count; i++)
            {
                if (Equals(_values[i], level)) return Levels[i];
            }
            throw new ArgumentOutOfRangeException(nameof(level), level, "Not a level of the covariate.");
        }
    }
}

/// <summary>A cut's balance: <see cref="Low"/> the level below (or at most) the threshold, <see cref="High"/> the other.</summary>
public sealed class CutBalance<TX>(CovariateBalance<TX> low, CovariateBalance<TX> high) where TX : notnull
{
    public CovariateBalance<TX> Low { get; } = low;

    public CovariateBalance<TX> High { get; } = high;
}
