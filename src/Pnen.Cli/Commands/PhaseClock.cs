using System.Diagnostics;

namespace Pnen.Cli.Commands;

/// <summary>
/// Where a command's time goes, for <c>--timing</c>: reading the data, then computing the result
/// (writing the output is not counted). A command starts one clock, calls <see cref="Loaded"/> once
/// the input is in memory and <see cref="Fitted"/> once the result is ready, and passes
/// <see cref="Report"/> to its writer, which adds <c>"timing":{"loadMs","fitMs"}</c> when it is not null.
/// </summary>
internal sealed class PhaseClock
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly bool _enabled;
    private TimeSpan _loaded;
    private TimeSpan _fitted;

    private PhaseClock(bool enabled) => _enabled = enabled;

    /// <summary>A running clock; it reports only when the command line has <c>--timing</c>.</summary>
    public static PhaseClock Start(CommandLine.Arguments arguments) => new(arguments.Has(CommonOptions.Timing.Name));

    public void Loaded() => _loaded = _clock.Elapsed;

    public void Fitted() => _fitted = _clock.Elapsed;

    public PhaseTiming? Report => _enabled
        ? new PhaseTiming(_loaded.TotalMilliseconds, (_fitted - _loaded).TotalMilliseconds)
        : null;
}

/// <summary>Milliseconds spent loading the data and computing the result.</summary>
internal sealed record PhaseTiming(double LoadMs, double FitMs);
