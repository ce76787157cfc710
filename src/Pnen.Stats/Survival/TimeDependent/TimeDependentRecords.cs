namespace Pnen.Stats.Survival.TimeDependent;

/// <summary>
/// Records derived from one record per patient: the intervals of a time-dependent covariate
/// (<see cref="TimeDependentSplit"/>) or the records of a landmark analysis
/// (<see cref="Landmark"/>). <see cref="SourceRow"/> gives each record's row in the input, so
/// that fixed covariates, weights and clusters follow it; <see cref="Covariates"/> holds the 0/1
/// values of each time-dependent covariate, in the order they were given.
/// </summary>
/// <param name="Start">Entry times ((start, stop] data), or null when the records are right-censored (a landmark).</param>
public sealed record TimeDependentRecords(
    double[]? Start,
    double[] Stop,
    bool[] Status,
    int[] SourceRow,
    IReadOnlyList<double[]> Covariates)
{
    public int Count => Stop.Length;

    /// <summary>The records as survival data; <paramref name="weights"/> and <paramref name="cluster"/>
    /// are per input row and follow <see cref="SourceRow"/>.</summary>
    public SurvivalData ToSurvivalData(double[]? weights = null, int[]? cluster = null) => new(Stop, Status)
    {
        Start = Start,
        Weights = weights is null ? null : SurvivalData.Gather(weights, SourceRow),
        Cluster = cluster is null ? null : SurvivalData.Gather(cluster, SourceRow),
    };

    /// <summary>Any per-row values of the input, one per record.</summary>
    public T[] Expand<T>(T[] perInputRow) => SurvivalData.Gather(perInputRow, SourceRow);
}
