namespace Pnen.Generators;

/// <summary>The version written into [GeneratedCode]: a constant, so generated files do not change
/// when only the build number does.</summary>
internal static class GeneratorVersion
{
    public const string Value = "0.1.0";
}
