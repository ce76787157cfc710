using Pnen.Data;

namespace Pnen.Dsl.Loading;

/// <summary>The event indicator as an <see cref="EventColumn"/>. Accepts what the CLI accepts (0/1,
/// 1.0, true/false) and yes/no; a 2 from R's 1/2 status coding is refused, never guessed.</summary>
public sealed class EventBuilder(VariableDescriptor variable, CodebookReader reader) : ValueBuilder<bool>(variable, reader)
{
    private readonly List<sbyte> _values = [];

    public override Column Build() => new EventColumn(Variable.Name, _values.ToArray());

    private protected override string? TryParse(ReadOnlySpan<char> text, out bool value) =>
        ValueParser.TryParseEvent(text, out value) || ValueParser.TryParseBoolean(text, out value)
            ? null
            : "an event must be 0/1, true/false or yes/no";

    private protected override void Append(bool value) => _values.Add(value ? (sbyte)1 : (sbyte)0);

    private protected override void AppendMissing() => _values.Add(-1);
}
