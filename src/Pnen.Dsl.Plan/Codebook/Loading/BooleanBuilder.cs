using Pnen.Data;

namespace Pnen.Dsl.Loading;

/// <summary>A yes/no variable as a two-level <see cref="CategoricalColumn"/> (False = 0, True = 1).</summary>
public sealed class BooleanBuilder(VariableDescriptor variable, CodebookReader reader) : ValueBuilder<bool>(variable, reader)
{
    private static readonly string[] Levels = ["False", "True"];
    private readonly List<int> _codes = [];

    public override Column Build() => new CategoricalColumn(Variable.Name, _codes.ToArray(), Levels, numericLevels: false);

    private protected override string? TryParse(ReadOnlySpan<char> text, out bool value) =>
        ValueParser.TryParseBoolean(text, out value) ? null : "not a yes/no value (0/1, true/false or yes/no)";

    private protected override void Append(bool value) => _codes.Add(value ? 1 : 0);

    private protected override void AppendMissing() => _codes.Add(-1);
}
