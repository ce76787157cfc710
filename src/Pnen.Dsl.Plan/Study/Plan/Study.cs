namespace Pnen.Dsl;

/// <summary>Where a plan starts: <c>Study.Of&lt;Patient&gt;()</c>.</summary>
public static class Study
{
    public static StudyPlan<T> Of<T>(string? name = null) where T : ICodebook<T> =>
        new(new PlanCore<T>(name ?? T.Schema.RecordName, "Recruited", null, 0, [], []));
}
