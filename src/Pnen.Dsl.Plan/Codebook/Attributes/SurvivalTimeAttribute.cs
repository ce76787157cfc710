namespace Pnen.Dsl;

/// <summary>The follow-up time of the survival outcome: numeric, never negative.</summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false, Inherited = false)]
public sealed class SurvivalTimeAttribute : Attribute
{
    /// <summary>The time unit (e.g. <c>months</c>, <c>days</c>).</summary>
    public string? Unit { get; set; }
}
