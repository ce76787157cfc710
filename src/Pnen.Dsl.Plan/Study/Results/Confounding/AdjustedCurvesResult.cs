using Pnen.Stats.Survival.Cox;
using Pnen.Stats.Survival.Standardization;

namespace Pnen.Dsl;

/// <summary>
/// One exposure level's adjusted curve: the standardised survival (null where the level has no records
/// here), and for a level other than the reference its differences from the reference (S(t) at the plan's
/// times and the RMST) with their bootstrap intervals: <c>curves[Surgery.PHR][36].Estimate</c>,
/// <c>curves[Surgery.PHR].Rmst.Lower</c>.
/// </summary>
public sealed class AdjustedLevel
{
    internal AdjustedLevel(string level, bool isReference, StandardizedCurve? curve, AdjustedDifference? difference)
    {
        Level = level;
        IsReference = isReference;
        Curve = curve;
        Difference = difference;
    }

    public string Level { get; }

    public bool IsReference { get; }

    public StandardizedCurve? Curve { get; }

    public AdjustedDifference? Difference { get; }

    /// <summary>The standardised RMST difference from the reference (null for the reference or without a horizon).</summary>
    public AdjustedEffect? Rmst => Difference?.Rmst;

    /// <summary>The standardised survival difference from the reference at one of the plan's times.</summary>
    public AdjustedEffect? this[double time] => Difference?.Survival.FirstOrDefault(e => e.Time == time)
        ?? (IsReference || Difference is null ? null : throw new ArgumentOutOfRangeException(nameof(time), time, "Not one of the adjusted curves' times."));
}

/// <summary>
/// Survival curves of one cohort adjusted by direct standardisation from a Cox model of the exposure and
/// covariates (R's <c>rowMeans(survfit(fit, newdata = cohort with the exposure set to each level)$surv)</c>):
/// per level the curve, S at the plan's times and the RMST to its horizon, and each level's differences from
/// the reference with seeded bootstrap percentile intervals (<see cref="Replicates"/> resamples that could be
/// estimated). <see cref="Estimated"/> is false, with notes, when it could not be done here.
/// </summary>
public sealed class AdjustedCurvesResult<TX> where TX : notnull
{
    private readonly Func<TX, int> _code;

    internal AdjustedCurvesResult(AdjustedCurvesDeclaration declaration, Func<TX, int> code)
    {
        Declaration = declaration;
        _code = code;
    }

    public AdjustedCurvesDeclaration Declaration { get; }

    public required bool Estimated { get; init; }

    /// <summary>The labels of the covariates the standardisation model holds besides the exposure (here: a
    /// screened model's differ by cohort; strata enter as covariates).</summary>
    public required IReadOnlyList<string> Covariates { get; init; }

    /// <summary>Records analysed (complete cases) and left out.</summary>
    public required int N { get; init; }

    public required int Dropped { get; init; }

    /// <summary>The Cox model standardised from (null when it could not be fitted).</summary>
    public CoxResult? Model { get; init; }

    /// <summary>One entry per exposure level, in level order.</summary>
    public required IReadOnlyList<AdjustedLevel> Levels { get; init; }

    /// <summary>Bootstrap replicates that could be estimated, and those that could not (an empty arm in the resample).</summary>
    public int Replicates { get; init; }

    public int Failures { get; init; }

    public IReadOnlyList<Note> Notes { get; init; } = [];

    public AdjustedLevel this[TX level]
    {
        get
        {
            var code = _code(level);
            return code >= 0 && code < Levels.Count ? Levels[code] : throw new ArgumentOutOfRangeException(nameof(level), level, "Not a level of the exposure.");
        }
    }
}
