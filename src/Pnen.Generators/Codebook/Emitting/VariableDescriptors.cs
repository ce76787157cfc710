using System.Linq;
using Pnen.Generators.Codebook.Model;
using Pnen.Generators.Common;

namespace Pnen.Generators.Codebook.Emitting;

/// <summary>Writes one variable's descriptor field: the most specific descriptor type for its kind,
/// so that <c>columns.Get(PatientVariables.Age)</c> returns a typed column.</summary>
internal static class VariableDescriptors
{
    private const string Dsl = "global::Pnen.Dsl.";

    public static void Emit(SourceWriter w, VariableModel v, int index)
    {
        w.Line("/// <summary>" + Literals.Xml(Summary(v)) + "</summary>");
        var head = "index: " + index + ", name: " + Literals.String(v.Name) + ", columnName: " + Literals.String(v.Column)
            + ", label: " + Literals.String(v.Label);
        var nullable = "isNullable: " + Literals.Bool(v.IsNullable);
        switch (v.Shape)
        {
            case ValueShape.String when v.Role == VariableRole.Id:
                Field(w, v, "IdentifierVariable", head + ", " + nullable + ");");
                break;
            case ValueShape.Boolean when v.Role == VariableRole.Event:
                Field(w, v, "EventVariable", head + ", " + nullable + ");");
                break;
            case ValueShape.String:
            case ValueShape.Boolean:
                Field(w, v, "CategoricalVariable", head + ", type: " + Dsl + "VariableType." + v.Shape + ", " + nullable + ");");
                break;
            case ValueShape.Enum:
                EmitEnum(w, v, head, nullable);
                break;
            default:
                var kind = v.Role == VariableRole.Time ? "Time" : v.Shape == ValueShape.DateOnly ? "Date" : "Continuous";
                var tail = ",\n    kind: " + Dsl + "VariableKind." + kind + ", type: " + Dsl + "VariableType." + v.Shape + ", " + nullable;
                if (v.Unit is not null) tail += ", unit: " + Literals.String(v.Unit);
                if (v.Range is { } r) tail += ", range: new " + Dsl + "ValueRange(" + Literals.Double(r.Minimum) + ", " + Literals.Double(r.Maximum) + ")";
                Field(w, v, "NumericVariable", head + tail + ");");
                break;
        }
    }

    private static void Field(SourceWriter w, VariableModel v, string type, string arguments)
    {
        w.Line("public static readonly " + Dsl + type + " " + Literals.Identifier(v.Name) + " = new(");
        foreach (var line in arguments.Split('\n')) w.Line("    " + line.TrimStart());
    }

    private static void EmitEnum(SourceWriter w, VariableModel v, string head, string nullable)
    {
        var type = Dsl + "EnumVariable<" + v.EnumType + ">";
        w.Line("public static readonly " + type + " " + Literals.Identifier(v.Name) + " = new(");
        w.Line("    " + head + ", " + nullable + ",");
        w.Line("    values: new " + v.EnumType + "[] { " + string.Join(", ", v.Levels.Select(l => v.EnumType + "." + Literals.Identifier(l.Member))) + " },");
        w.Line("    levels: new " + Dsl + "LevelDescriptor[]");
        w.Line("    {");
        for (var i = 0; i < v.Levels.Count; i++)
        {
            var l = v.Levels[i];
            w.Line("        new(" + i + ", " + Literals.String(l.Member) + ", " + Literals.String(l.Label) + ", " + Literals.Strings(l.Codes) + "),");
        }
        w.Line("    });");
    }

    private static string Summary(VariableModel v)
    {
        var what = v.Role switch
        {
            VariableRole.Id => "identifier",
            VariableRole.Time => "survival time",
            VariableRole.Event => "event",
            _ => v.Shape switch
            {
                ValueShape.Enum or ValueShape.String => "categorical",
                ValueShape.Boolean => "binary",
                ValueShape.DateOnly => "date",
                _ => "continuous",
            },
        };
        var unit = v.Unit is null ? "" : " (" + v.Unit + ")";
        var missing = v.IsNullable ? ", may be missing" : "";
        return v.Label + unit + ": " + what + ", column '" + v.Column + "'" + missing + ".";
    }
}
