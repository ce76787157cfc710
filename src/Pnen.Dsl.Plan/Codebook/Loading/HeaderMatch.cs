using Pnen.Data;

namespace Pnen.Dsl.Loading;

/// <summary>Finds each variable's column in a file's header. A <see cref="ColumnAttribute"/> name must
/// match exactly; a property name may differ in case only. Every mismatch is reported at once.</summary>
internal static class HeaderMatch
{
    public static int[] Match(CodebookSchema schema, CsvSource source)
    {
        var errors = new DataErrorCollector();
        var header = source.Columns;
        var used = new bool[header.Count];
        var ordinals = new int[schema.Variables.Count];
        foreach (var variable in schema.Variables)
        {
            var ordinal = Find(variable, header, out var hint);
            if (ordinal < 0 && hint.Length == 0) hint = ColumnHints.DidYouMean(variable.ColumnName, header);
            if (ordinal < 0)
            {
                errors.Add(new DataError(source.DisplayName, null, variable.ColumnName, null,
                    $"the file has no such column, which the codebook declares for {variable.Name}{hint}"));
                continue;
            }
            if (used[ordinal])
            {
                errors.Add(new DataError(source.DisplayName, null, header[ordinal], null, $"the column is claimed by two variables, the second being {variable.Name}"));
            }
            used[ordinal] = true;
            ordinals[variable.Index] = ordinal;
        }
        if (!schema.IgnoreExtraColumns)
        {
            for (var i = 0; i < header.Count; i++)
            {
                if (!used[i])
                {
                    var rowNames = i == 0 ? ColumnHints.RowNames(header, source.Format) : "";
                    errors.Add(new DataError(source.DisplayName, null, header[i], null,
                        $"the column is not in the codebook {schema.RecordName} (declare it, or set IgnoreExtraColumns){rowNames}"));
                }
            }
        }
        errors.ThrowIfAny();
        return ordinals;
    }

    private static int Find(VariableDescriptor variable, IReadOnlyList<string> header, out string hint)
    {
        hint = "";
        for (var i = 0; i < header.Count; i++)
        {
            if (string.Equals(header[i], variable.ColumnName, StringComparison.Ordinal)) return i;
        }
        var folded = -1;
        for (var i = 0; i < header.Count; i++)
        {
            if (!string.Equals(header[i], variable.ColumnName, StringComparison.OrdinalIgnoreCase)) continue;
            if (folded >= 0) return -1; // two columns differ from the name only in case: refuse to guess
            folded = i;
        }
        if (folded < 0) return -1;
        var implicitName = string.Equals(variable.ColumnName, variable.Name, StringComparison.Ordinal);
        if (implicitName) return folded;
        hint = $" (did you mean '{header[folded]}'?)";
        return -1;
    }
}
