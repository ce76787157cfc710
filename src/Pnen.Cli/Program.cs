namespace Pnen.Cli;

internal static class Program
{
    private static int Main(string[] args) => PnenApp.Run(args, Console.Out, Console.Error);
}
