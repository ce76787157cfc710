using Pnen.Data;

namespace Pnen.Dsl.Loading;

/// <summary>An enum variable: read by member name, label or code, ignoring case; its column's codes
/// are declaration positions and its levels the member names.</summary>
public sealed class EnumBuilder<TEnum> : ValueBuilder<TEnum>
    where TEnum : struct, Enum
{
    private readonly EnumVariable<TEnum> _variable;
    private readonly List<int> _codes = [];

    public EnumBuilder(EnumVariable<TEnum> variable, CodebookReader reader) : base(variable, reader) => _variable = variable;

    public override Column Build() =>
        new CategoricalColumn(Variable.Name, _codes.ToArray(), Variable.Levels.Select(l => l.Name).ToArray(), numericLevels: false);

    private protected override string? TryParse(ReadOnlySpan<char> text, out TEnum value)
    {
        if (_variable.TryParse(text, out var code))
        {
            value = _variable.ValueOf(code);
            return null;
        }
        value = default;
        return $"not a level of {typeof(TEnum).Name} (expected {_variable.DescribeSpellings()})";
    }

    private protected override void Append(TEnum value) => _codes.Add(_variable.CodeOf(value));

    private protected override void AppendMissing() => _codes.Add(-1);
}
