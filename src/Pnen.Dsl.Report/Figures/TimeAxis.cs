namespace Pnen.Dsl.Report;

/// <summary>
/// The time axis of Kaplan-Meier figures: from 0 to the longest follow-up, as survminer draws it,
/// with ticks (and numbers at risk) every <see cref="Step"/>. Clinical units get clinical steps
/// (multiples of 12 months, of a year, of 4 weeks); anything else gets 1, 2 or 5 times a power of ten.
/// </summary>
internal sealed record TimeAxis(double Step, double Max)
{
    private const int MaxIntervals = 7;

    public IEnumerable<double> Ticks
    {
        get
        {
            var count = (int)Math.Floor(Max / Step + 1e-9);
            return Enumerable.Range(0, count + 1).Select(i => i * Step);
        }
    }

    public static TimeAxis For(double longest, string? unit, double? step = null)
    {
        if (!(longest > 0)) longest = step ?? 1;
        if (step is { } fixedStep)
        {
            if (!double.IsFinite(fixedStep) || fixedStep <= 0) throw new ArgumentOutOfRangeException(nameof(step), fixedStep, "A time break must be a positive number.");
            return new TimeAxis(fixedStep, longest);
        }
        foreach (var candidate in Candidates(unit, longest))
        {
            if (Math.Floor(longest / candidate + 1e-9) <= MaxIntervals) return new TimeAxis(candidate, longest);
        }
        throw new InvalidOperationException("unreachable: the generic steps grow without bound");
    }

    private static IEnumerable<double> Candidates(string? unit, double longest)
    {
        var clinical = unit?.Trim().ToLowerInvariant() switch
        {
            "months" or "month" or "mo" => new double[] { 1, 3, 6, 12, 24, 36, 48, 60, 120 },
            "years" or "year" or "y" or "yr" => [0.5, 1, 2, 5, 10],
            "weeks" or "week" or "wk" => [1, 2, 4, 8, 13, 26, 52],
            _ => [],
        };
        foreach (var c in clinical) yield return c;

        // 1, 2, 5 × 10^k from just below the longest time / 7 upwards.
        var power = Math.Pow(10, Math.Floor(Math.Log10(longest / MaxIntervals)));
        for (var p = power; ; p *= 10)
        {
            yield return p;
            yield return 2 * p;
            yield return 5 * p;
        }
    }
}
