using System.Globalization;
using Pnen.Data;

namespace Pnen.Dsl.Loading;

/// <summary>The record identifier: text, and unique, since a repeated identifier usually means a
/// patient entered twice.</summary>
public sealed class IdentifierBuilder(VariableDescriptor variable, CodebookReader reader) : TextBuilder(variable, reader)
{
    private readonly List<string?> _values = [];
    private readonly Dictionary<string, long> _firstRow = new(StringComparer.Ordinal);

    public override Column Build() => new TextColumn(Variable.Name, _values.ToArray());

    private protected override string Add(ReadOnlySpan<char> value)
    {
        var text = value.ToString();
        if (!_firstRow.TryAdd(text, Reader.Row))
        {
            Fail(value, string.Create(CultureInfo.InvariantCulture, $"the identifier {Variable.Name} repeats row {_firstRow[text]}"));
        }
        _values.Add(text);
        return text;
    }

    private protected override void AddMissing() => _values.Add(null);
}
