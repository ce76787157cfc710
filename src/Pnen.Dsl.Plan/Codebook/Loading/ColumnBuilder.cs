using Pnen.Data;

namespace Pnen.Dsl.Loading;

/// <summary>Reads one variable's field of each record into a typed value and into its column.</summary>
public abstract class ColumnBuilder
{
    private protected ColumnBuilder(VariableDescriptor variable, CodebookReader reader)
    {
        Variable = variable ?? throw new ArgumentNullException(nameof(variable));
        Reader = reader ?? throw new ArgumentNullException(nameof(reader));
    }

    public VariableDescriptor Variable { get; }

    private protected CodebookReader Reader { get; }

    /// <summary>The finished column; called once, after the last record.</summary>
    public abstract Column Build();

    private protected ReadOnlySpan<char> Field(out bool missing)
    {
        var field = Reader.Field(Variable.Index);
        missing = Reader.MissingValues.IsMissing(field);
        return field;
    }

    private protected void Fail(ReadOnlySpan<char> field, string problem) =>
        Reader.Errors.Add(new DataError(Reader.File, Reader.Row, Reader.ColumnOf(Variable.Index), field.ToString(), problem));

    private protected void FailMissing(ReadOnlySpan<char> field) =>
        Fail(field, $"a value is required: {Variable.Name} is not nullable in the codebook");
}
