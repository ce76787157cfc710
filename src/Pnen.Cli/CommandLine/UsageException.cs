namespace Pnen.Cli.CommandLine;

/// <summary>The command line itself is wrong: an unknown or missing option, a bad option value.</summary>
public sealed class UsageException(string message) : Exception(message);
