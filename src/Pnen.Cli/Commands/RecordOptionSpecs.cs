using Pnen.Cli.CommandLine;

namespace Pnen.Cli.Commands;

/// <summary>The options that shape the records of km, logrank and cox (see Input.RecordOptions), spelled the same everywhere.</summary>
internal static class RecordOptionSpecs
{
    public static readonly OptionSpec Start = new("start", "column with entry times: each row is at risk on (start, time], as Surv(start, stop, event); --time is then the stop time", ValueName: "COLUMN");
    public static readonly OptionSpec Weights = new("weights", "column with case weights (finite, non-negative; a row of weight 0 counts for nothing), as R's weights =", ValueName: "COLUMN");
    public static readonly OptionSpec Tdc = new("tdc", "a time-dependent 0/1 covariate NAME: 0 before the time in COLUMN, 1 from it on (empty: never); each row is split there as R's tmerge/tdc does, and NAME is used as a column; repeatable, or a comma list", ValueName: "NAME:COLUMN", Repeatable: true);
    public static readonly OptionSpec Landmark = new("landmark", "landmark analysis at T: only rows with time > T, time measured from T, each --tdc fixed at its value at T", ValueName: "T");
}
