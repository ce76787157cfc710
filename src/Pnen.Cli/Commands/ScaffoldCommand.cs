using Pnen.Cli.CommandLine;
using Pnen.Cli.Scaffold;

namespace Pnen.Cli.Commands;

/// <summary><c>pnen scaffold</c>: prints a starting codebook inferred from a data file (CSV, .sav, .dta, .xlsx, .parquet), once, at the
/// user's request; the user edits it and commits it. Nothing is inferred at compile time.</summary>
internal sealed class ScaffoldCommand : Command
{
    public override string Name => "scaffold";

    public override string Summary => "print a starting codebook (partial record and enums) inferred from a data file (CSV, .sav, .dta, .xlsx, .parquet)";

    public override IReadOnlyList<OptionSpec> Options { get; } =
    [
        CommonOptions.Data,
        CommonOptions.Sheet,
        new("name", "name of the record (default Patient)", ValueName: "NAME"),
        new("namespace", "namespace of the generated code (default: none)", ValueName: "NAMESPACE"),
        CommonOptions.Help,
    ];

    public override int Run(Arguments arguments, TextWriter stdout)
    {
        string source;
        try
        {
            source = CodebookScaffolder.Scaffold(arguments.Required("data"), arguments.Optional("name") ?? "Patient", arguments.Optional("namespace"), CommonOptions.Input(arguments));
        }
        catch (ArgumentException e)
        {
            throw new UsageException(e.ParamName is null ? e.Message : e.Message.Replace($" (Parameter '{e.ParamName}')", "", StringComparison.Ordinal));
        }
        stdout.Write(source);
        return PnenApp.Ok;
    }
}
