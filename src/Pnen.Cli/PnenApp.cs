using Pnen.Cli.CommandLine;
using Pnen.Cli.Commands;
using Pnen.Data;

namespace Pnen.Cli;

/// <summary>
/// The `pnen` command: finds the subcommand, runs it, and turns every user mistake into exit
/// code 2 and one line on stderr that names what is wrong (file, row, column, value). Only a bug
/// in Pnen itself gives exit code 1.
/// </summary>
public static class PnenApp
{
    public const int Ok = 0;
    public const int InternalError = 1;
    public const int UserError = 2;

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
        {
            stdout.Write(CommandTable.Help());
            return args.Length == 0 ? UserError : Ok;
        }
        if (args[0] is "--version" or "version")
        {
            stdout.Write(typeof(PnenApp).Assembly.GetName().Version?.ToString(3) + "\n");
            return Ok;
        }

        var command = CommandTable.Find(args[0]);
        if (command is null)
        {
            stderr.Write($"pnen: unknown command '{args[0]}' (commands: {string.Join(", ", CommandTable.Names)}; see pnen --help)\n");
            return UserError;
        }

        try
        {
            var arguments = Arguments.Parse(command.Name, args.AsSpan(1), command.Options);
            if (arguments.Has("help"))
            {
                stdout.Write(command.Usage());
                return Ok;
            }
            return command.Run(arguments, stdout);
        }
        catch (UsageException e)
        {
            stderr.Write($"pnen {command.Name}: {e.Message}\n");
            return UserError;
        }
        catch (DataException e)
        {
            stderr.Write(e.OneLine + "\n");
            return UserError;
        }
        catch (Exception e) when (Environment.GetEnvironmentVariable("PNEN_DEBUG") is null)
        {
            stderr.Write($"pnen {command.Name}: internal error ({e.GetType().Name}: {e.Message}). This is a bug in Pnen; run with PNEN_DEBUG=1 for details.\n");
            return InternalError;
        }
    }
}
