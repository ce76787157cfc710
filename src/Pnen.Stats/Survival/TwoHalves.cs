namespace Pnen.Stats.Survival;

/// <summary>
/// Work on rows that are each their own (a row's risk score, its place in the design, an event's
/// residual) split into two fixed halves on two cores once there are enough rows to pay for the
/// second thread. The split depends on the range only, never on the machine's core count, so the
/// work is the same everywhere; callers whose halves are summed afterwards keep their own split.
/// </summary>
internal static class TwoHalves
{
    /// <summary>Runs <paramref name="part"/> on [from, to) at once, or on its two halves in parallel
    /// when it holds at least <paramref name="minimum"/> items.</summary>
    public static void Run(int from, int to, int minimum, Action<int, int> part)
    {
        if (to - from < minimum)
        {
            part(from, to);
            return;
        }
        var middle = from + (to - from) / 2;
        Parallel.Invoke(() => part(from, middle), () => part(middle, to));
    }
}
