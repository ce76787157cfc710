using Pnen.Data.Fast;

namespace Pnen.Data;

/// <summary>
/// Reads only the requested columns of a data file (CSV, or any <see cref="DataFormat"/>) straight into typed arrays: one pass, no
/// per-row allocation, strings kept once per distinct level. Every bad value is collected
/// (see <see cref="DataErrorCollector"/>) and reported together; nothing is returned half-read.
/// Files of a megabyte or more are first offered to <see cref="ParallelCsvReader"/>, which parses
/// them on every core straight from bytes and declines whatever it cannot read exactly as this
/// reader would, so results and error messages are the same either way. SPSS, Stata, Excel and
/// Parquet files are read whole and then exactly as the equivalent CSV file; where a number or an
/// event is needed and a labelled value's label is not one, its code is read instead (an event
/// labelled 0 = "Alive", 1 = "Dead").
/// </summary>
public static class TableReader
{
    public static LoadedTable Read(string path, IReadOnlyList<ColumnRequest> requests, MissingValues? missing = null) =>
        Read(path, requests, ReadOptions.Default, missing);

    /// <param name="options">The sheet of a workbook, for example.</param>
    public static LoadedTable Read(string path, IReadOnlyList<ColumnRequest> requests, ReadOptions options, MissingValues? missing = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        missing ??= MissingValues.Default;
        var distinct = requests.DistinctBy(r => r.Name).ToArray();
        if (DataFormats.FromPath(path) != DataFormat.Csv || options.Sheet is not null) return ReadOrdinary(path, distinct, missing, options);

        // Large, well-formed files: parsed in parallel straight from bytes. The fast reader declines
        // anything it cannot read exactly as the passes below would, errors included.
        for (var attempt = distinct; ;)
        {
            var (fast, textColumns) = ParallelCsvReader.TryRead(path, attempt, missing);
            if (fast is not null) return fast;
            if (textColumns is null) break;
            attempt = attempt.Select(r => textColumns.Contains(r.Name) ? r with { Kind = ColumnKind.Categorical } : r).ToArray();
        }

        return ReadOrdinary(path, distinct, missing);
    }

    /// <summary>The ordinary reader alone (CsvSource, one record at a time): what the fast reader
    /// must agree with, and what reports every error.</summary>
    internal static LoadedTable ReadOrdinary(string path, ColumnRequest[] distinct, MissingValues missing, ReadOptions? options = null)
    {
        options ??= ReadOptions.Default;
        using var source = CsvSource.Open(path, options);
        var (table, notNumeric) = ReadPass(source, distinct, missing);
        if (table is not null) return table;

        // An Auto column met text: read those columns again as categorical, so their levels keep
        // the exact spelling of the file from the first row on. A file read whole is read again from memory.
        var retry = distinct.Select(r => notNumeric.Contains(r.Name) ? r with { Kind = ColumnKind.Categorical } : r).ToArray();
        if (source.Rewind()) return ReadPass(source, retry, missing).Table!;
        using var again = CsvSource.Open(path, options);
        return ReadPass(again, retry, missing).Table!;
    }

    /// <summary>One pass over the file. Returns no table, and the names of the Auto columns that met
    /// text, when such columns must be read again as categorical.</summary>
    private static (LoadedTable? Table, HashSet<string> NotNumeric) ReadPass(CsvSource source, ColumnRequest[] requests, MissingValues missing)
    {
        var ordinals = requests.Select(r => source.Ordinal(r.Name)).ToArray();
        var builders = requests.Select(r => ColumnBuilder.Create(r, source.DisplayName)).ToArray();
        var errors = new DataErrorCollector();
        var rows = 0;
        while (source.Read())
        {
            for (var c = 0; c < builders.Length; c++)
            {
                builders[c].Add(source.Field(ordinals[c]), source.FieldCode(ordinals[c]), source.Row, missing, errors);
            }
            rows++;
        }

        var notNumeric = builders.Where(b => b.TurnedCategorical).Select(b => b.Request.Name).ToHashSet(StringComparer.Ordinal);
        if (notNumeric.Count > 0) return (null, notNumeric);
        errors.ThrowIfAny();
        return (new LoadedTable(source.DisplayName, rows, builders.Select(b => b.Build())), notNumeric);
    }

    private abstract class ColumnBuilder
    {
        protected ColumnBuilder(ColumnRequest request, string file)
        {
            Request = request;
            File = file;
        }

        public ColumnRequest Request { get; }

        protected string File { get; }

        public virtual bool TurnedCategorical => false;

        public static ColumnBuilder Create(ColumnRequest request, string file) => request.Kind switch
        {
            ColumnKind.Numeric or ColumnKind.NonNegative or ColumnKind.Auto => new NumericBuilder(request, file),
            ColumnKind.Event => new EventBuilder(request, file),
            ColumnKind.Categorical => new CategoricalBuilder(request, file),
            _ => throw new ArgumentOutOfRangeException(nameof(request)),
        };

        /// <param name="code">The code behind a labelled value (empty for other values), read where the label is no number or event.</param>
        public abstract void Add(ReadOnlySpan<char> field, ReadOnlySpan<char> code, long row, MissingValues missing, DataErrorCollector errors);

        public abstract Column Build();

        protected void Fail(DataErrorCollector errors, long row, ReadOnlySpan<char> field, string problem) =>
            errors.Add(new DataError(File, row, Request.Name, field.ToString(), problem));

        /// <summary>The problem, saying the code was tried too when there was one.</summary>
        protected static string NorCode(string problem, ReadOnlySpan<char> code) =>
            code.IsEmpty ? problem : $"{problem} (nor is its code '{code}')";
    }

    private sealed class NumericBuilder(ColumnRequest request, string file) : ColumnBuilder(request, file)
    {
        private readonly List<double> _values = [];
        private bool _sawText;

        public override bool TurnedCategorical => _sawText;

        public override void Add(ReadOnlySpan<char> field, ReadOnlySpan<char> code, long row, MissingValues missing, DataErrorCollector errors)
        {
            if (missing.IsMissing(field))
            {
                _values.Add(double.NaN);
                return;
            }
            // An Auto column reads a labelled variable as its labels (levels); a numeric one needs its codes.
            if (ValueParser.TryParseFinite(field, out var value) || (Request.Kind != ColumnKind.Auto && ValueParser.TryParseFinite(code, out value)))
            {
                if (value < 0 && Request.Kind == ColumnKind.NonNegative)
                {
                    Fail(errors, row, field, "a time must not be negative");
                }
                _values.Add(value);
                return;
            }
            var why = ValueParser.DescribeNotFinite(field);
            if (Request.Kind == ColumnKind.Auto && why == "not a number")
            {
                _sawText = true;
            }
            else
            {
                Fail(errors, row, field, NorCode(why, code));
            }
            _values.Add(double.NaN);
        }

        public override Column Build() => new NumericColumn(Request.Name, _values.ToArray());
    }

    private sealed class EventBuilder(ColumnRequest request, string file) : ColumnBuilder(request, file)
    {
        private readonly List<sbyte> _values = [];

        public override void Add(ReadOnlySpan<char> field, ReadOnlySpan<char> code, long row, MissingValues missing, DataErrorCollector errors)
        {
            if (missing.IsMissing(field))
            {
                _values.Add(-1);
                return;
            }
            if (ValueParser.TryParseEvent(field, out var happened) || ValueParser.TryParseEvent(code, out happened))
            {
                _values.Add(happened ? (sbyte)1 : (sbyte)0);
                return;
            }
            Fail(errors, row, field, NorCode("an event must be 0/1 or true/false", code));
            _values.Add(-1);
        }

        public override Column Build() => new EventColumn(Request.Name, _values.ToArray());
    }

    private sealed class CategoricalBuilder : ColumnBuilder
    {
        private readonly List<int> _codes = [];
        private readonly List<string> _levels = [];
        private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);
        private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _lookup;

        public CategoricalBuilder(ColumnRequest request, string file) : base(request, file) =>
            _lookup = _index.GetAlternateLookup<ReadOnlySpan<char>>();

        public override void Add(ReadOnlySpan<char> field, ReadOnlySpan<char> valueCode, long row, MissingValues missing, DataErrorCollector errors)
        {
            if (missing.IsMissing(field))
            {
                _codes.Add(-1);
                return;
            }
            var level = field.Trim();
            if (!_lookup.TryGetValue(level, out var code))
            {
                code = _levels.Count;
                var text = level.ToString();
                _levels.Add(text);
                _index[text] = code;
            }
            _codes.Add(code);
        }

        public override Column Build()
        {
            var (ordered, numeric, remap) = LevelOrder.Sort(_levels);
            var codes = new int[_codes.Count];
            for (var i = 0; i < codes.Length; i++) codes[i] = _codes[i] < 0 ? -1 : remap[_codes[i]];
            return new CategoricalColumn(Request.Name, codes, ordered, numeric);
        }
    }
}
