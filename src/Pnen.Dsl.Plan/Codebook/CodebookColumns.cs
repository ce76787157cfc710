using Pnen.Data;

namespace Pnen.Dsl;

/// <summary>
/// The columnar view of a loaded codebook: one array per variable, aligned with
/// <see cref="CodebookSchema.Variables"/> (NaN, -1 or null for missing), ready for Pnen.Stats.
/// </summary>
public sealed class CodebookColumns
{
    private readonly Column[] _columns;

    public CodebookColumns(CodebookSchema schema, string source, int rowCount, IReadOnlyList<Column> columns)
    {
        ArgumentNullException.ThrowIfNull(schema);
        if (columns.Count != schema.Variables.Count) throw new ArgumentException($"{columns.Count} columns for {schema.Variables.Count} variables.", nameof(columns));
        for (var i = 0; i < columns.Count; i++)
        {
            if (columns[i].Length != rowCount) throw new ArgumentException($"Column '{columns[i].Name}' has {columns[i].Length} rows, not {rowCount}.", nameof(columns));
        }
        Schema = schema;
        Source = source;
        RowCount = rowCount;
        _columns = columns.ToArray();
    }

    public CodebookSchema Schema { get; }

    public string Source { get; }

    public int RowCount { get; }

    public IReadOnlyList<Column> All => _columns;

    public Column this[int index] => _columns[index];

    /// <summary>The column of the property <paramref name="name"/>.</summary>
    public Column this[string name] => _columns[Schema[name].Index];

    public Column this[VariableDescriptor variable] => _columns[Checked(variable).Index];

    /// <summary>The typed column of a variable: <c>columns.Get(PatientVariables.Age).Values</c> is a <c>double[]</c>.</summary>
    public TColumn Get<TColumn>(VariableDescriptor<TColumn> variable) where TColumn : Column =>
        (TColumn)_columns[Checked(variable).Index];

    /// <summary>The given rows, gathered column by column.</summary>
    public CodebookColumns Subset(ReadOnlySpan<int> rows)
    {
        var gathered = new Column[_columns.Length];
        for (var c = 0; c < _columns.Length; c++) gathered[c] = ColumnGather.Gather(_columns[c], rows);
        return new CodebookColumns(Schema, Source, rows.Length, gathered);
    }

    /// <summary>The columns keyed by property name, for code written against <see cref="LoadedTable"/>.</summary>
    public LoadedTable ToTable() => new(Source, RowCount, _columns);

    private VariableDescriptor Checked(VariableDescriptor variable)
    {
        ArgumentNullException.ThrowIfNull(variable);
        if (variable.Index >= _columns.Length || !ReferenceEquals(Schema.Variables[variable.Index], variable))
        {
            throw new ArgumentException($"Variable '{variable.Name}' does not belong to the codebook {Schema.RecordName}.", nameof(variable));
        }
        return variable;
    }
}
