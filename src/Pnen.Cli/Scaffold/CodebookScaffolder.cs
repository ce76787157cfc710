using System.Globalization;
using System.Text;
using Pnen.Data;

namespace Pnen.Cli.Scaffold;

/// <summary>
/// Writes a starting codebook for a data file (<c>pnen scaffold</c>): a partial record with one property
/// per column, each bound by a <c>[Column]</c> attribute (so renaming the property keeps the binding),
/// and enums for text columns with few levels. An SPSS or Stata file gives more: its variable labels
/// become <c>[Label]</c>s, and a variable that reads as its value labels becomes an enum whose members
/// are the labels in the order of their codes, each with its <c>[Code]</c>. It is a first draft for a
/// person to correct and commit: inference runs once, on request, never at compile time. The output
/// depends only on the file's content and name (invariant culture, no dates), so it can be compared in tests.
/// </summary>
public static class CodebookScaffolder
{
    private const int MaxLevels = 12;

    private static readonly HashSet<string> TimeWords = new(StringComparer.Ordinal) { "time", "futime", "os", "pfs", "dfs", "efs", "rfs", "survival", "followup" };
    private static readonly HashSet<string> EventWords = new(StringComparer.Ordinal) { "event", "status", "dead", "death", "died", "deceased", "censor", "censored", "fustat", "vital" };
    private static readonly HashSet<string> IdWords = new(StringComparer.Ordinal) { "id", "pid", "mrn", "patientid", "subjectid", "recordid" };
    private static readonly string[] TimeUnits = ["days", "weeks", "months", "years"];

    /// <summary>The C# source of a codebook for the data file at <paramref name="csvPath"/> (CSV or any format Pnen reads).</summary>
    /// <param name="recordName">The record's name: a valid C# identifier.</param>
    /// <param name="namespaceName">A namespace for the file, or null for none.</param>
    /// <param name="input">How to open the file (the sheet of a workbook).</param>
    /// <exception cref="ArgumentException">The record or namespace name is not a valid C# name.</exception>
    /// <exception cref="DataException">The file cannot be read.</exception>
    public static string Scaffold(string csvPath, string recordName = "Patient", string? namespaceName = null, ReadOptions? input = null)
    {
        if (!CSharpNames.IsIdentifier(recordName))
        {
            throw new ArgumentException($"'{recordName}' is not a valid C# type name.", nameof(recordName));
        }
        if (namespaceName is not null && !namespaceName.Split('.').All(CSharpNames.IsIdentifier))
        {
            throw new ArgumentException($"'{namespaceName}' is not a valid C# namespace.", nameof(namespaceName));
        }

        var (profiles, rows, rowNames) = Profile(csvPath, input ?? ReadOptions.Default);
        var members = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { recordName };
        var types = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { recordName };
        var properties = new StringBuilder();
        var enums = new StringBuilder();
        var roles = new Roles();

        foreach (var profile in rowNames ? profiles.Skip(1) : profiles)
        {
            var name = CSharpNames.Unique(CSharpNames.Pascal(profile.Name) ?? "Column", members);
            if (properties.Length > 0) properties.Append('\n');
            AppendProperty(properties, enums, profile, name, roles, types);
        }

        var text = new StringBuilder();
        text.Append("// Scaffolded by `pnen scaffold` from ").Append(Path.GetFileName(csvPath))
            .Append(" (").Append(Count(rows, "row")).Append(", ").Append(Count(profiles.Count, "column")).Append(").\n");
        text.Append("// A first draft: check each type, add labels, units and ranges, and put the levels in a meaningful order.\n");
        text.Append("using Pnen.Dsl;\n\n");
        if (namespaceName is not null) text.Append("namespace ").Append(namespaceName).Append(";\n\n");
        if (rowNames)
        {
            // R's write.csv wrote its row names into a first column without a name: leave it out, and say so.
            text.Append("// The first column has no name: R's row names (write.csv(..., row.names = FALSE) leaves them out). It is ignored.\n");
            text.Append("[Codebook(IgnoreExtraColumns = true)]\n");
        }
        else
        {
            text.Append("[Codebook]\n");
        }
        text.Append("public partial record ").Append(recordName).Append("\n{\n");
        text.Append(properties);
        text.Append("}\n");
        text.Append(enums);
        return text.ToString();
    }

    private static (List<ColumnProfile> Profiles, int Rows, bool RowNames) Profile(string path, ReadOptions input)
    {
        using var source = CsvSource.Open(path, input);
        var profiles = source.ColumnMetadata.Select(c => new ColumnProfile(c)).ToList();
        var rows = 0;
        while (source.Read())
        {
            rows++;
            for (var i = 0; i < profiles.Count; i++) profiles[i].Add(source.Field(i), source.FieldCode(i), MissingValues.Default);
        }
        return (profiles, rows, ColumnHints.HasRowNames(source.Columns, source.Format));
    }

    private static void AppendProperty(StringBuilder text, StringBuilder enums, ColumnProfile profile, string name, Roles roles, HashSet<string> types)
    {
        var attributes = new List<string> { "Column(" + Literal(profile.Name) + ")" };
        if (profile.Source.Label is { Length: > 0 } label) attributes.Add("Label(" + Literal(label) + ")");
        var words = CSharpNames.Words(profile.Name);
        var nullable = profile.HasMissing;
        string type;
        string? comment = null;

        // An identifier is never missing and never repeats (as far as the distinct count can tell).
        if (!roles.Id && !profile.HasMissing && profile.Present > 0 && IsIdName(words) && (profile.ManyDistinct || profile.Distinct.Count == profile.Present))
        {
            roles.Id = true;
            attributes.Add("Id");
            type = "string";
        }
        else if (profile.Present == 0)
        {
            type = "string";
            nullable = true;
            comment = "always missing in the file";
        }
        else if (!roles.Event && profile.CodesZeroOne && words.Any(EventWords.Contains))
        {
            // A labelled 0/1 event (0 = "Alive", 1 = "Dead"): read by its codes.
            roles.Event = true;
            type = "bool";
            attributes.Add("Event");
            comment = "labelled " + string.Join(", ", profile.Source.ValueLabels.Select(l => l.Code + " = " + l.Label)) + "; 1 must mean the event happened";
        }
        else if (profile.Source.ReadsAsLabels)
        {
            type = CSharpNames.Unique(name, types);
            AppendLabelledEnum(enums, type, profile.Source);
        }
        else if (profile.AllZeroOne && profile.Distinct.Count <= 2)
        {
            type = "bool";
            if (!roles.Event && words.Any(EventWords.Contains))
            {
                roles.Event = true;
                attributes.Add("Event");
                comment = "check that 1 means the event happened (R's 1/2 status coding is not accepted)";
            }
        }
        else if (profile.AllNumbers)
        {
            type = !profile.AllIntegers ? "double" : profile.Min >= int.MinValue && profile.Max <= int.MaxValue ? "int" : "long";
            comment = "observed " + Number(profile.Min) + " to " + Number(profile.Max);
            if (profile.Source.ValueLabels.Count > 0)
            {
                // Labels on some values only (e.g. 10 = "Moribund" on a score): the column reads as numbers.
                comment += "; labelled on some values only: " + string.Join(", ", profile.Source.ValueLabels.Select(l => l.Code + " = " + l.Label));
            }
            if (!roles.Time && profile.Min >= 0 && words.Any(TimeWords.Contains))
            {
                roles.Time = true;
                type = "double";
                // The unit from the name (os_months) or, failing that, the variable label ("Survival time, days").
                var labelWords = CSharpNames.Words(profile.Source.Label ?? "");
                var unit = TimeUnits.FirstOrDefault(u => words.Contains(u) || words.Contains(u.TrimEnd('s')))
                    ?? TimeUnits.FirstOrDefault(u => labelWords.Contains(u) || labelWords.Contains(u.TrimEnd('s')));
                attributes.Add(unit is null ? "SurvivalTime" : "SurvivalTime(Unit = " + Literal(unit) + ")");
            }
        }
        else if (profile.AllDates)
        {
            type = "DateOnly";
            comment = "dates (yyyy-MM-dd)";
        }
        else if (profile.AllWords)
        {
            type = "bool";
        }
        // Levels: few, each seen at least twice on average, and more than one (a constant is no variable to analyse).
        else if (!profile.ManyDistinct && profile.Distinct.Count is >= 2 and <= MaxLevels && profile.Distinct.Count * 2 <= profile.Present)
        {
            type = CSharpNames.Unique(name, types);
            AppendEnum(enums, type, profile);
        }
        else
        {
            type = "string";
            comment = profile.ManyDistinct ? "free text (many distinct values)" : Count(profile.Distinct.Count, "distinct value");
        }

        if (comment is not null) text.Append("    // ").Append(OneLine(comment)).Append('\n');
        text.Append("    [").Append(string.Join(", ", attributes)).Append("]\n");
        text.Append("    public ").Append(nullable ? "" : "required ").Append(type).Append(nullable ? "?" : "")
            .Append(' ').Append(name).Append(" { get; init; }\n");
    }

    private static void AppendEnum(StringBuilder enums, string type, ColumnProfile profile)
    {
        enums.Append("\npublic enum ").Append(type).Append("\n{\n");
        var taken = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var level in profile.Distinct.Order(StringComparer.Ordinal))
        {
            var member = CSharpNames.Unique(CSharpNames.Pascal(level) ?? "Level", taken);
            enums.Append("    ");
            // The loader reads a level by name or label, ignoring case: a label is needed only when the name differs.
            if (!string.Equals(member, level, StringComparison.OrdinalIgnoreCase)) enums.Append("[Label(").Append(Literal(level)).Append(")] ");
            enums.Append(member).Append(",\n");
        }
        enums.Append("}\n");
    }

    /// <summary>An enum from value labels, in the order of their codes (the data's order, not the alphabet's):
    /// each member reads by its label and by its code.</summary>
    private static void AppendLabelledEnum(StringBuilder enums, string type, SourceColumn column)
    {
        enums.Append("\npublic enum ").Append(type).Append("\n{\n");
        var taken = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var level in column.ValueLabels)
        {
            var member = CSharpNames.Unique(CSharpNames.Pascal(level.Label) ?? "Level" + CSharpNames.Pascal(level.Code), taken);
            var attributes = new List<string>();
            if (!string.Equals(member, level.Label, StringComparison.OrdinalIgnoreCase)) attributes.Add("Label(" + Literal(level.Label) + ")");
            attributes.Add("Code(" + Literal(level.Code) + ")");
            enums.Append("    [").Append(string.Join(", ", attributes)).Append("] ").Append(member).Append(",\n");
        }
        enums.Append("}\n");
    }

    private static bool IsIdName(string[] words) =>
        words.Length > 0 && (IdWords.Contains(words[^1]) || IdWords.Contains(string.Concat(words)));

    private static string Literal(string text) => CSharpNames.Literal(text);

    private static string Number(double value) => value.ToString(CultureInfo.InvariantCulture);

    private static string OneLine(string text) => text.ReplaceLineEndings(" ");

    private static string Count(int n, string noun) => n.ToString(CultureInfo.InvariantCulture) + " " + noun + (n == 1 ? "" : "s");

    private sealed class Roles
    {
        public bool Id { get; set; }

        public bool Time { get; set; }

        public bool Event { get; set; }
    }
}
