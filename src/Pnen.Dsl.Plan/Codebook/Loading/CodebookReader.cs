using Pnen.Data;

namespace Pnen.Dsl.Loading;

/// <summary>
/// Drives a generated loader over a <see cref="CsvSource"/> (a file of any format Pnen reads): matches the header to the codebook,
/// hands each builder its field, collects every error, and returns the data only when there is none.
/// Public for generated code; not meant to be called by hand.
/// </summary>
public sealed class CodebookReader
{
    private readonly CodebookSchema _schema;
    private readonly CsvSource _source;
    private readonly int[] _ordinals;
    private int _rows;

    /// <exception cref="DataException">The header does not match the codebook (missing or undeclared columns).</exception>
    public CodebookReader(CodebookSchema schema, CsvSource source)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(source);
        _schema = schema;
        _source = source;
        _ordinals = HeaderMatch.Match(schema, source);
    }

    public DataErrorCollector Errors { get; } = new();

    public string File => _source.DisplayName;

    /// <summary>The 1-based data row of the current record.</summary>
    public long Row => _source.Row;

    public MissingValues MissingValues => _schema.MissingValues;

    /// <summary>The header name of the column holding variable <paramref name="index"/>.</summary>
    public string ColumnOf(int index) => _source.Columns[_ordinals[index]];

    public ReadOnlySpan<char> Field(int index) => _source.Field(_ordinals[index]);

    /// <summary>The code behind variable <paramref name="index"/>'s field when the field is a value label
    /// (SPSS, Stata); empty otherwise. Builders read it when the label is not a value they take.</summary>
    public ReadOnlySpan<char> Code(int index) => _source.FieldCode(_ordinals[index]);

    /// <summary>Moves to the next record. A malformed record (too many or too few fields) is reported and
    /// skipped so later errors are found in the same run; a file that cannot be parsed further stops here.</summary>
    public bool Read()
    {
        while (true)
        {
            var before = _source.Row;
            try
            {
                if (!_source.Read()) return false;
                _rows++;
                return true;
            }
            catch (DataException e)
            {
                foreach (var error in e.Errors) Errors.Add(error);
                // CsvSource counts the row before it refuses a ragged record, and does not when the
                // parser itself failed; only in the first case is the reader still positioned to go on.
                if (_source.Row == before) Errors.ThrowIfAny();
            }
            catch (InvalidOperationException) when (Errors.HasErrors)
            {
                // The parser failed right after skipping a blank line (so the row count moved): it
                // refuses to read on. The error it reported is already collected: report them all.
                Errors.ThrowIfAny();
            }
        }
    }

    /// <summary>Throws every collected error, or returns both views of the data.</summary>
    /// <param name="rows">The records, one per data row read.</param>
    /// <param name="builders">One builder per variable, in declaration order.</param>
    public CodebookData<T> Complete<T>(List<T> rows, params ReadOnlySpan<ColumnBuilder> builders)
    {
        ArgumentNullException.ThrowIfNull(rows);
        Errors.ThrowIfAny();
        if (builders.Length != _schema.Variables.Count) throw new ArgumentException($"{builders.Length} builders for {_schema.Variables.Count} variables.", nameof(builders));
        if (rows.Count != _rows) throw new ArgumentException($"{rows.Count} records for {_rows} rows read.", nameof(rows));
        var columns = new Column[builders.Length];
        for (var i = 0; i < builders.Length; i++)
        {
            if (builders[i].Variable.Index != i) throw new ArgumentException($"Builder {i} is for variable '{builders[i].Variable.Name}'.", nameof(builders));
            columns[i] = builders[i].Build();
        }
        return new CodebookData<T>(File, rows.ToArray(), new CodebookColumns(_schema, File, rows.Count, columns));
    }
}
