namespace Pnen.Dsl.Loading;

/// <summary>A builder for text: <see cref="Required"/> for a non-nullable string, <see cref="Optional"/>
/// for a nullable one. Values are trimmed, like every other field.</summary>
public abstract class TextBuilder : ColumnBuilder
{
    private protected TextBuilder(VariableDescriptor variable, CodebookReader reader) : base(variable, reader)
    {
    }

    public string Required()
    {
        var field = Field(out var missing);
        if (missing)
        {
            FailMissing(field);
            AddMissing();
            return "";
        }
        return Add(field.Trim());
    }

    public string? Optional()
    {
        var field = Field(out var missing);
        if (missing)
        {
            AddMissing();
            return null;
        }
        return Add(field.Trim());
    }

    /// <summary>Records a value (null for missing) and returns the string to store in the record.</summary>
    private protected abstract string Add(ReadOnlySpan<char> value);

    private protected abstract void AddMissing();
}
