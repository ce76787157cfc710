namespace Pnen.Cli.CommandLine;

/// <summary>An option a command accepts: <c>--name VALUE</c>, or a flag without a value.</summary>
public sealed record OptionSpec(string Name, string Description, bool IsFlag = false, bool Required = false, string? ValueName = null)
{
    public string Synopsis => IsFlag ? $"--{Name}" : $"--{Name} {ValueName ?? "VALUE"}";
}
