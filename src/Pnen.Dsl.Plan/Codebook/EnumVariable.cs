using Pnen.Data;

namespace Pnen.Dsl;

/// <summary>
/// A categorical variable declared as an enum. Level codes are declaration positions, so they do
/// not depend on the members' numeric values; <see cref="CodeOf"/> and <see cref="ValueOf"/> convert
/// without reflection.
/// </summary>
public sealed class EnumVariable<TEnum> : VariableDescriptor<CategoricalColumn>
    where TEnum : struct, Enum
{
    private readonly TEnum[] _values;
    private readonly LevelSpellings _spellings;

    public EnumVariable(int index, string name, string columnName, string label, bool isNullable, TEnum[] values, LevelDescriptor[] levels)
        : base(index, name, columnName, label, VariableKind.Categorical, VariableType.Enum, isNullable, null, null, levels)
    {
        if (values.Length != levels.Length || values.Length == 0)
        {
            throw new ArgumentException("An enum variable needs one level per value, and at least one.", nameof(levels));
        }
        _values = values;
        _spellings = new LevelSpellings(levels);
    }

    /// <summary>The enum values in declaration order: <c>Values[code]</c>.</summary>
    public IReadOnlyList<TEnum> Values => _values;

    /// <summary>The level code of <paramref name="value"/>, or -1 if it is not a declared member.</summary>
    public int CodeOf(TEnum value)
    {
        for (var i = 0; i < _values.Length; i++)
        {
            if (EqualityComparer<TEnum>.Default.Equals(_values[i], value)) return i;
        }
        return -1;
    }

    public TEnum ValueOf(int code) => _values[code];

    /// <summary>The level for a spelling in the file: name, label or code, ignoring case.</summary>
    public bool TryParse(ReadOnlySpan<char> text, out int code) => _spellings.TryFind(text, out code);

    /// <summary>The spellings accepted, for an error message.</summary>
    public string DescribeSpellings() => _spellings.Describe();
}
