using System.Globalization;

namespace Pnen.Cli.CommandLine;

/// <summary>Parsed <c>--name value</c> options of one command, checked against what it accepts.</summary>
public sealed class Arguments
{
    private readonly Dictionary<string, string?> _values;

    private Arguments(Dictionary<string, string?> values) => _values = values;

    public static Arguments Parse(string command, ReadOnlySpan<string> args, IReadOnlyList<OptionSpec> specs)
    {
        var byName = specs.ToDictionary(s => s.Name, StringComparer.Ordinal);
        var values = new Dictionary<string, string?>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i++)
        {
            var token = args[i];
            if (token is "-h" or "--help")
            {
                values["help"] = null;
                return new Arguments(values);
            }
            if (!token.StartsWith("--", StringComparison.Ordinal) || token.Length == 2)
            {
                throw new UsageException($"unexpected argument '{token}' (options start with --; see pnen {command} --help)");
            }

            var name = token[2..];
            string? inline = null;
            var equals = name.IndexOf('=', StringComparison.Ordinal);
            if (equals >= 0)
            {
                inline = name[(equals + 1)..];
                name = name[..equals];
            }
            if (!byName.TryGetValue(name, out var spec))
            {
                throw new UsageException($"unknown option --{name} (options: {string.Join(", ", specs.Select(s => "--" + s.Name))})");
            }
            if (values.ContainsKey(name) && !spec.Repeatable) throw new UsageException($"--{name} is given more than once");

            if (spec.IsFlag)
            {
                if (inline is not null) throw new UsageException($"--{name} takes no value");
                values[name] = null;
                continue;
            }
            if (inline is null)
            {
                if (i + 1 >= args.Length || (args[i + 1].StartsWith("--", StringComparison.Ordinal) && args[i + 1].Length > 2))
                {
                    throw new UsageException($"--{name} needs a value ({spec.Synopsis})");
                }
                inline = args[++i];
            }
            values[name] = values.TryGetValue(name, out var earlier) ? $"{earlier},{inline}" : inline;
        }

        foreach (var spec in specs.Where(s => s.Required))
        {
            if (!values.ContainsKey(spec.Name)) throw new UsageException($"missing required option {spec.Synopsis}");
        }
        return new Arguments(values);
    }

    public bool Has(string name) => _values.ContainsKey(name);

    public string Required(string name) =>
        _values.TryGetValue(name, out var value) && value is not null ? value : throw new UsageException($"missing required option --{name}");

    public string? Optional(string name) => _values.TryGetValue(name, out var value) ? value : null;

    /// <summary>A comma-separated list, entries trimmed, empty entries refused.</summary>
    public IReadOnlyList<string> List(string name)
    {
        var raw = Optional(name);
        if (raw is null) return [];
        var items = raw.Split(',').Select(s => s.Trim()).ToArray();
        if (items.Any(s => s.Length == 0)) throw new UsageException($"--{name} has an empty entry in '{raw}'");
        var duplicate = items.GroupBy(s => s, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw new UsageException($"--{name} lists '{duplicate.Key}' more than once");
        return items;
    }

    public double Number(string name, double fallback)
    {
        var raw = Optional(name);
        if (raw is null) return fallback;
        if (double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value)) return value;
        throw new UsageException($"--{name} must be a finite number, not '{raw}'");
    }

    /// <summary>One of a fixed set of words, case-insensitive.</summary>
    public string Choice(string name, string fallback, params string[] choices)
    {
        var raw = Optional(name);
        if (raw is null) return fallback;
        var match = choices.FirstOrDefault(c => string.Equals(c, raw, StringComparison.OrdinalIgnoreCase));
        return match ?? throw new UsageException($"--{name} must be one of {string.Join(", ", choices)}, not '{raw}'");
    }
}
