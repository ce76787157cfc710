namespace Pnen.Generators;

/// <summary>Names of the pipeline steps, so tests can check that each one is cached.</summary>
internal static class TrackingNames
{
    public const string CodebookInspected = nameof(CodebookInspected);
    public const string CodebookValid = nameof(CodebookValid);
    public const string StudyInspected = nameof(StudyInspected);
    public const string StudyValid = nameof(StudyValid);
}
