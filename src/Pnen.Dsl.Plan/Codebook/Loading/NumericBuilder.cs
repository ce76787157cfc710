using Pnen.Data;

namespace Pnen.Dsl.Loading;

/// <summary>A number held as a double in a <see cref="NumericColumn"/>, checked against the variable's
/// declared range, and never negative for a survival time.</summary>
public abstract class NumericBuilder<T> : ValueBuilder<T>
    where T : struct
{
    private readonly List<double> _values = [];

    private protected NumericBuilder(VariableDescriptor variable, CodebookReader reader) : base(variable, reader)
    {
    }

    public override Column Build() => new NumericColumn(Variable.Name, _values.ToArray());

    private protected abstract string? ParseNumber(ReadOnlySpan<char> text, out T value);

    private protected abstract double ToDouble(T value);

    private protected override string? TryParse(ReadOnlySpan<char> text, out T value)
    {
        var problem = ParseNumber(text, out value);
        if (problem is not null) return problem;
        var x = ToDouble(value);
        if (Variable.Kind == VariableKind.Time && x < 0) return "a survival time must not be negative";
        if (Variable.Range is { } range && !range.Contains(x)) return $"outside the declared range {range} of {Variable.Name}";
        return null;
    }

    private protected override void Append(T value) => _values.Add(ToDouble(value));

    private protected override void AppendMissing() => _values.Add(double.NaN);
}
