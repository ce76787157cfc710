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

    // A labelled value (SPSS, Stata) is read by its label first, so an enum binds by label, and then by
    // the code behind it: an enum member's [Code], an event labelled 0 = "Alive" / 1 = "Dead", a number.
    private bool Parse(ReadOnlySpan<char> field, out T value)
    {
        var problem = TryParse(field, out value);
        var code = problem is null ? default : Reader.Code(Variable.Index);
        if (problem is not null && !code.IsEmpty && TryParse(code, out value) is null) problem = null;
        if (problem is null)
        {
            Append(value);
            return true;
        }
        Fail(field, code.IsEmpty ? problem : $"{problem} (nor is its code '{code}')");
        AppendMissing();
        return false;
    }
}
