namespace Pnen.Dsl.Loading;

/// <summary>A builder for a value type: the generated loader calls <see cref="Required"/> for a
/// non-nullable property and <see cref="Optional"/> for a nullable one, once per record.</summary>
public abstract class ValueBuilder<T> : ColumnBuilder
    where T : struct
{
    private protected ValueBuilder(VariableDescriptor variable, CodebookReader reader) : base(variable, reader)
    {
    }

    public T Required()
    {
        var field = Field(out var missing);
        if (missing)
        {
            FailMissing(field);
            AppendMissing();
            return default;
        }
        return Parse(field, out var value) ? value : default;
    }

    public T? Optional()
    {
        var field = Field(out var missing);
        if (missing)
        {
            AppendMissing();
            return null;
        }
        return Parse(field, out var value) ? value : null;
    }

    /// <summary>Why <paramref name="text"/> is not a valid value, or null when it is.</summary>
    private protected abstract string? TryParse(ReadOnlySpan<char> text, out T value);

    private protected abstract void Append(T value);

    private protected abstract void AppendMissing();

    private bool Parse(ReadOnlySpan<char> field, out T value)
    {
        var problem = TryParse(field, out value);
        if (problem is null)
        {
            Append(value);
            return true;
        }
        Fail(field, problem);
        AppendMissing();
        return false;
    }
}
