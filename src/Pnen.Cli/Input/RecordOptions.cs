using System.Globalization;
using Pnen.Cli.CommandLine;
using Pnen.Data;

namespace Pnen.Cli.Input;

/// <summary>
/// What turns the rows of a file into the records an analysis runs on: <c>--start</c>
/// (counting-process input), <c>--weights</c>, <c>--cluster</c>, <c>--tdc NAME:COL</c>
/// (time-dependent covariates, split as tmerge/tdc) and <c>--landmark T</c>; each null or empty
/// when not given. A tdc NAME is a variable of its own, used as if it were a column.
/// </summary>
internal sealed record RecordOptions(
    string? Start,
    string? Weights,
    string? Cluster,
    IReadOnlyList<(string Name, string Column)> Tdc,
    double? Landmark)
{
    public static RecordOptions Parse(Arguments arguments, string time, string @event)
    {
        var tdc = new List<(string Name, string Column)>();
        foreach (var entry in arguments.List("tdc"))
        {
            var colon = entry.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0 || colon == entry.Length - 1) throw new UsageException($"--tdc '{entry}' must be NAME:COLUMN (a new 0/1 variable NAME, 1 from the time in COLUMN on)");
            var (name, column) = (entry[..colon].Trim(), entry[(colon + 1)..].Trim());
            if (tdc.Any(t => t.Name == name)) throw new UsageException($"--tdc names '{name}' more than once");
            if (name == time || name == @event || name == column) throw new UsageException($"--tdc name '{name}' must differ from the time, event and exposure columns");
            tdc.Add((name, column));
        }
        double? landmark = arguments.Has("landmark") ? arguments.Number("landmark", 0) : null;
        if (landmark < 0) throw new UsageException("--landmark must not be negative");
        var options = new RecordOptions(arguments.Optional("start"), arguments.Optional("weights"), arguments.Optional("cluster"), tdc, landmark);
        if (options.Landmark is not null && options.Start is not null)
        {
            throw new UsageException("--landmark cannot be combined with --start: a landmark analysis starts everyone at the landmark");
        }
        var roles = new[] { ("--start", options.Start), ("--weights", options.Weights), ("--cluster", options.Cluster) }.Where(r => r.Item2 is not null).ToArray();
        foreach (var (option, column) in roles)
        {
            if (column == time || column == @event) throw new UsageException($"{option} '{column}' cannot be the time or event column");
            if (tdc.Any(t => t.Name == column)) throw new UsageException($"{option} '{column}' is a --tdc name, not a column");
        }
        if (roles.Select(r => r.Item2).Distinct().Count() < roles.Length) throw new UsageException("--start, --weights and --cluster must name different columns");
        return options;
    }

    /// <summary>True when the file's rows are the records, one each, as before these options.</summary>
    public bool Plain => Start is null && Weights is null && Cluster is null && Tdc.Count == 0 && Landmark is null;

    public bool IsTdc(string name) => Tdc.Any(t => t.Name == name);

    /// <summary>The columns these options read: entry times, weights, clusters and exposure times.</summary>
    public IEnumerable<ColumnRequest> Requests()
    {
        if (Start is not null) yield return new ColumnRequest(Start, ColumnKind.NonNegative);
        if (Weights is not null) yield return new ColumnRequest(Weights, ColumnKind.Numeric);
        if (Cluster is not null) yield return new ColumnRequest(Cluster, ColumnKind.Categorical);
        foreach (var (_, column) in Tdc) yield return new ColumnRequest(column, ColumnKind.Numeric);
    }

    /// <summary>Columns whose missing values leave a row out (and count it), as a missing time does.</summary>
    public IEnumerable<string> CompleteColumns()
    {
        if (Start is not null) yield return Start;
        if (Cluster is not null) yield return Cluster;
    }

    /// <summary>Reads the records from the loaded table (see <see cref="SurvivalRecords"/>).</summary>
    public SurvivalRecords Build(SurvivalTable table) => SurvivalRecords.Build(table, this);

    public static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
