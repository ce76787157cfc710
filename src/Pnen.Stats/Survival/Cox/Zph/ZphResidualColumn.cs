using System.Collections;

namespace Pnen.Stats.Survival.Cox.Zph;

/// <summary>
/// One panel's scaled Schoenfeld residuals, one per event, held as plain doubles with a mask of the
/// structural gaps (events of a stratum where the term is constant): a million nullable doubles
/// per panel took twice the memory, fresh pages to fault in, and a branch on every read. Reads as
/// the <c>IReadOnlyList&lt;double?&gt;</c> of <see cref="ZphPanel.Residuals"/>.
/// </summary>
/// <param name="events">The number of events.</param>
/// <param name="withValues">False for the gaps alone (no values are computed, none stored).</param>
internal sealed class ZphResidualColumn(int events, bool withValues = true) : IReadOnlyList<double?>
{
    /// <summary>The residual of each event; 0 where <see cref="IsMissing"/>; empty for the gaps alone.</summary>
    public double[] Values { get; } = withValues ? new double[events] : [];

    /// <summary>Null while every event has a residual; else true at the events without one.</summary>
    public bool[]? Missing { get; private set; }

    public int Count => Values.Length;

    public double? this[int index] => Missing is { } missing && missing[index] ? null : Values[index];

    public bool IsMissing(int index) => Missing is { } missing && missing[index];

    /// <summary>Events [from, to) have no residual.</summary>
    public void SetMissing(int from, int to)
    {
        if (from >= to) return;
        Missing ??= new bool[events];
        Array.Fill(Missing, true, from, to - from);
    }

    public IEnumerator<double?> GetEnumerator()
    {
        for (var i = 0; i < Values.Length; i++) yield return this[i];
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
