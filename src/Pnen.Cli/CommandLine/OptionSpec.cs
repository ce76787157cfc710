namespace Pnen.Cli.CommandLine;

/// <summary>An option a command accepts: <c>--name VALUE</c>, or a flag without a value. A
/// repeatable option may be given several times; its values are joined as one comma list.</summary>
public sealed record OptionSpec(string Name, string Description, bool IsFlag = false, bool Required = false, string? ValueName = null, bool Repeatable = false)
{
    public string Synopsis => IsFlag ? $"--{Name}" : $"--{Name} {ValueName ?? "VALUE"}";
}
