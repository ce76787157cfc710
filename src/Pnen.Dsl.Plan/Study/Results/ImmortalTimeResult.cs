using Pnen.Stats.Survival;

namespace Pnen.Dsl;

/// <summary>
/// The immortal-time check of an exposure that starts during follow-up (Suissa, Am J Epidemiol
/// 2008;167:492): every model of the plan fitted three ways. Naive: the exposure as if it held from
/// time 0 (a patient operated on at 4 months counts as operated from diagnosis, crediting the operation
/// with the months the patient had to survive to have it). Time-dependent: each patient in the
/// reference level until the exposure starts, then in their own (R's tmerge with tdc). Landmark: only the
/// patients still followed at a landmark time, classed by their exposure at that time, followed from it.
/// </summary>
public sealed class ImmortalTimeResult<TX> where TX : notnull
{
    internal ImmortalTimeResult(ModelSet<TX> naive, ModelSet<TX> timeDependent, IReadOnlyList<LandmarkResult<TX>> landmarks)
    {
        Naive = naive;
        TimeDependent = timeDependent;
        Landmarks = landmarks;
    }

    /// <summary>The exposure's start as the plan reads it (a label for the report).</summary>
    public required string StartsAt { get; init; }

    /// <summary>Whether the main analyses are the time-dependent ones (the exposure declares its start),
    /// or the naive ones (the plan only checks them: <c>.ImmortalTime(...)</c>).</summary>
    public required bool TimeDependentMain { get; init; }

    public ModelSet<TX> Naive { get; }

    public ModelSet<TX> TimeDependent { get; }

    /// <summary>The landmark analyses, in time order.</summary>
    public IReadOnlyList<LandmarkResult<TX>> Landmarks { get; }

    /// <summary>Simon-Makuch curves: Kaplan-Meier by the current exposure, with delayed entry, in level order.</summary>
    public required IReadOnlyList<KaplanMeierCurve> SimonMakuch { get; init; }

    /// <summary>The Mantel-Byar test (the log-rank test on the time-dependent rows).</summary>
    public required LogRankResult MantelByar { get; init; }

    /// <summary>Patients left out of the time-dependent and landmark analyses: an exposed patient without a
    /// start time, or a follow-up time of 0 (no interval to analyse).</summary>
    public required int LeftOut { get; init; }

    /// <summary>Exposed patients whose exposure starts at or after the end of their follow-up: analysed as
    /// unexposed throughout, as tmerge does.</summary>
    public required int StartsAfterFollowUp { get; init; }

    /// <summary>The landmark at a time the plan names.</summary>
    public LandmarkResult<TX> this[double time] => Landmarks.FirstOrDefault(l => l.Time == time)
        ?? throw new ArgumentOutOfRangeException(nameof(time), time, $"The plan's landmarks are {string.Join(", ", Landmarks.Select(l => l.Time))}.");
}

/// <summary>A landmark analysis: the patients still followed at <see cref="Time"/>, by their exposure at
/// that time (<see cref="Arms"/>), followed from it, with every model of the plan.</summary>
public sealed record LandmarkResult<TX>(double Time, int N, int Events, IReadOnlyList<LevelCount> Arms, ModelSet<TX> Models) where TX : notnull;
