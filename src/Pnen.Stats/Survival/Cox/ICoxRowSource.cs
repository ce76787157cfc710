namespace Pnen.Stats.Survival.Cox;

/// <summary>
/// The rows of a Cox model that need not fit in memory (a file read by a database), handed out in
/// chunks and read again for each pass of the fit (<see cref="CoxRegression.FitStream"/>): memory is
/// O(chunk + p²), not O(n). Rows are the complete cases only, their near-tied times already merged
/// (<see cref="TimeFix"/>), grouped by stratum and within a stratum by time, latest first (the order
/// of coxfit6's backward walk over the risk sets); rows with the same stratum and time may come in
/// any order. Every <see cref="Read"/> gives the same rows in the same order.
/// </summary>
public interface ICoxRowSource
{
    /// <summary>The model matrix's columns, in order: a numeric covariate (level null) or the
    /// indicator of one level of a categorical covariate.</summary>
    IReadOnlyList<(string Variable, string? Level)> Columns { get; }

    /// <summary>The rows, from the first again on every call.</summary>
    IEnumerable<CoxRowChunk> Read();
}

/// <summary>Rows of a <see cref="ICoxRowSource"/>: <see cref="Count"/> of them, the model matrix
/// row-major (Count × columns) in <see cref="X"/>. The arrays may be longer than Count and reused.</summary>
public sealed record CoxRowChunk(int Count, int[] Stratum, double[] Time, bool[] Status, double[] X);
