using Pnen.Data;

namespace Pnen.Dsl;

/// <summary>The variables of a codebook record in declaration order, and how its file is read.</summary>
public sealed class CodebookSchema
{
    private readonly VariableDescriptor[] _variables;
    private readonly Dictionary<string, VariableDescriptor> _byName;

    public CodebookSchema(string recordName, IReadOnlyList<VariableDescriptor> variables, MissingValues missingValues, bool ignoreExtraColumns = false)
    {
        ArgumentException.ThrowIfNullOrEmpty(recordName);
        ArgumentNullException.ThrowIfNull(missingValues);
        RecordName = recordName;
        _variables = variables.ToArray();
        _byName = new Dictionary<string, VariableDescriptor>(StringComparer.Ordinal);
        for (var i = 0; i < _variables.Length; i++)
        {
            if (_variables[i].Index != i) throw new ArgumentException($"Variable '{_variables[i].Name}' has index {_variables[i].Index}, not its position {i}.", nameof(variables));
            if (!_byName.TryAdd(_variables[i].Name, _variables[i])) throw new ArgumentException($"Variable '{_variables[i].Name}' is declared twice.", nameof(variables));
        }
        MissingValues = missingValues;
        IgnoreExtraColumns = ignoreExtraColumns;
        Id = _variables.FirstOrDefault(v => v.Kind == VariableKind.Identifier);
        SurvivalTime = _variables.FirstOrDefault(v => v.Kind == VariableKind.Time);
        Event = _variables.FirstOrDefault(v => v.Kind == VariableKind.Event);
    }

    public string RecordName { get; }

    public IReadOnlyList<VariableDescriptor> Variables => _variables;

    public MissingValues MissingValues { get; }

    public bool IgnoreExtraColumns { get; }

    public VariableDescriptor? Id { get; }

    public VariableDescriptor? SurvivalTime { get; }

    public VariableDescriptor? Event { get; }

    /// <summary>The variable of the property <paramref name="name"/>.</summary>
    public VariableDescriptor this[string name] => _byName.TryGetValue(name, out var variable)
        ? variable
        : throw new KeyNotFoundException($"The codebook {RecordName} has no variable '{name}'.");

    public bool TryGet(string name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out VariableDescriptor? variable) =>
        _byName.TryGetValue(name, out variable);
}
