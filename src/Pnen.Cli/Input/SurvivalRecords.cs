using Pnen.Data;
using Pnen.Stats.Survival;
using Pnen.Stats.Survival.TimeDependent;

namespace Pnen.Cli.Input;

/// <summary>
/// The records an analysis runs on, made from the kept rows of a <see cref="SurvivalTable"/>:
/// the rows themselves, their (start, stop] intervals split at each --tdc time (tmerge), or the
/// rows followed past a --landmark (times from it, each tdc fixed there). Columns are read over
/// the records (a split row's covariates repeat on each of its intervals), and a tdc NAME reads
/// as a numeric 0/1 column. Bad values in the options' columns are data errors naming the row.
/// </summary>
internal sealed class SurvivalRecords
{
    private readonly SurvivalTable _table;
    private readonly TimeDependentRecords? _records;
    private readonly RecordOptions _options;

    private SurvivalRecords(SurvivalTable table, RecordOptions options, TimeDependentRecords? records, SurvivalData data, List<string> notes)
    {
        _table = table;
        _options = options;
        _records = records;
        Data = data;
        Notes = notes;
    }

    /// <summary>Outcome, entry times and weights of each record (no clusters: the commands decide).</summary>
    public SurvivalData Data { get; }

    /// <summary>What the options did, for the warnings (records left out by the landmark).</summary>
    public IReadOnlyList<string> Notes { get; }

    /// <summary>True when records are intervals cut from the rows by --tdc.</summary>
    public bool IsSplit => _records?.Start is not null;

    /// <summary>The kept row (0-based, of the table's kept rows) each record comes from: the
    /// patient, when a row is cut into intervals.</summary>
    public int[] SourceRows => _records?.SourceRow ?? Enumerable.Range(0, _table.Rows.Length).ToArray();

    public static SurvivalRecords Build(SurvivalTable table, RecordOptions options)
    {
        var time = table.Time();
        var status = table.Event();
        var start = options.Start is null ? null : table.Numeric(options.Start);
        var weights = options.Weights is null ? null : Weights(table, options.Weights);
        if (start is not null) CheckIntervals(table, options.Start!, start, time);
        var notes = new List<string>();

        TimeDependentRecords? records = null;
        var changeTimes = options.Tdc.Select(t => table.Numeric(t.Column)).ToArray();
        if (options.Landmark is { } landmark)
        {
            records = Landmark.Apply(time, status, landmark, changeTimes);
            var left = time.Length - records.Count;
            if (left > 0) notes.Add($"{left} row{(left == 1 ? " was" : "s were")} left out by the landmark at {RecordOptions.Format(landmark)} (time at or before it)");
            if (records.Count == 0) throw new DataException(new DataError(table.Table.Source, null, table.TimeColumn, null, $"no row has a time after the landmark {RecordOptions.Format(landmark)}"));
        }
        else if (options.Tdc.Count > 0)
        {
            if (start is null) CheckPositiveTimes(table, time);
            records = TimeDependentSplit.Split(time, status, changeTimes, start);
        }

        var data = records is null
            ? new SurvivalData(time, status) { Start = start, Weights = weights }
            : records.ToSurvivalData(weights);
        if (data.IntervalClosedByTimeFix() is var closed && closed >= 0)
        {
            var row = table.Rows[records?.SourceRow[closed] ?? closed] + 1;
            throw new DataException(new DataError(table.Table.Source, row, table.TimeColumn, RecordOptions.Format(data.Time[closed]),
                $"the interval ({RecordOptions.Format(data.Start![closed])}, {RecordOptions.Format(data.Time[closed])}] closes once times within 1.5e-8 of each other are merged (R's aeqSurv refuses it too)"));
        }
        return new SurvivalRecords(table, options, records, data, notes);
    }

    /// <summary>A numeric column over the records; a tdc name gives its 0/1 values.</summary>
    public double[] Numeric(string name)
    {
        var tdc = TdcIndex(name);
        if (tdc >= 0) return _records!.Covariates[tdc];
        var values = _table.Numeric(name);
        return _records is null ? values : _records.Expand(values);
    }

    /// <summary>A categorical column over the records (levels as in <see cref="SurvivalTable.Factor"/>);
    /// a tdc name gives levels "0" and "1".</summary>
    public (int[] Codes, string[] Levels) Factor(string name)
    {
        var tdc = TdcIndex(name);
        if (tdc >= 0)
        {
            var values = _records!.Covariates[tdc];
            var levels = new[] { "0", "1" }.Where(l => values.Contains(l == "1" ? 1.0 : 0.0)).ToArray();
            return (values.Select(v => Array.IndexOf(levels, v == 1 ? "1" : "0")).ToArray(), levels);
        }
        var (codes, names) = _table.Factor(name);
        return (_records is null ? codes : _records.Expand(codes), names);
    }

    /// <summary>The column as read (to tell numeric from categorical); a tdc is numeric.</summary>
    public Column Column(string name)
    {
        var tdc = TdcIndex(name);
        return tdc >= 0 ? new NumericColumn(name, _records!.Covariates[tdc]) : _table.Column(name);
    }

    private int TdcIndex(string name)
    {
        for (var i = 0; i < _options.Tdc.Count; i++)
        {
            if (_options.Tdc[i].Name == name) return i;
        }
        return -1;
    }

    /// <summary>Weights over the kept rows: every one present, finite (the reader refuses
    /// infinities) and non-negative.</summary>
    private static double[] Weights(SurvivalTable table, string column)
    {
        var values = table.Numeric(column);
        for (var i = 0; i < values.Length; i++)
        {
            if (double.IsNaN(values[i]) || values[i] < 0)
            {
                var raw = double.IsNaN(values[i]) ? "" : RecordOptions.Format(values[i]);
                throw new DataException(new DataError(table.Table.Source, table.Rows[i] + 1, column, raw,
                    double.IsNaN(values[i]) ? "a weight is missing (every analysed row needs one)" : "a weight must not be negative"));
            }
        }
        return values;
    }

    private static void CheckIntervals(SurvivalTable table, string startColumn, double[] start, double[] stop)
    {
        for (var i = 0; i < start.Length; i++)
        {
            if (start[i] < stop[i]) continue;
            throw new DataException(new DataError(table.Table.Source, table.Rows[i] + 1, startColumn, RecordOptions.Format(start[i]),
                $"the entry time must be before the time '{table.TimeColumn}' ({RecordOptions.Format(stop[i])}): a row is at risk on (start, time]"));
        }
    }

    /// <summary>Without --start a split record runs from 0, so its time must be positive (tmerge refuses 0 too).</summary>
    private static void CheckPositiveTimes(SurvivalTable table, double[] time)
    {
        for (var i = 0; i < time.Length; i++)
        {
            if (time[i] > 0) continue;
            throw new DataException(new DataError(table.Table.Source, table.Rows[i] + 1, table.TimeColumn, RecordOptions.Format(time[i]),
                "--tdc splits each row's interval (0, time], so a time must be positive (R's tmerge refuses 0 too; give --start, or drop the row)"));
        }
    }
}
