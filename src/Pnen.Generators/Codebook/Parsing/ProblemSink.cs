using Microsoft.CodeAnalysis;

namespace Pnen.Generators.Codebook.Parsing;

/// <summary>
/// Where the inspector reports what is wrong with a declaration. The generator only needs to know
/// whether an error was found (it then emits nothing); the analyzer turns each report into a diagnostic.
/// One inspector for both keeps the rules in one place.
/// </summary>
internal class ProblemSink
{
    public bool HasErrors { get; private set; }

    public void Report(DiagnosticDescriptor descriptor, Location? location, params object?[] args)
    {
        if (descriptor.DefaultSeverity == DiagnosticSeverity.Error) HasErrors = true;
        OnReport(descriptor, location, args);
    }

    protected virtual void OnReport(DiagnosticDescriptor descriptor, Location? location, object?[] args)
    {
    }
}
