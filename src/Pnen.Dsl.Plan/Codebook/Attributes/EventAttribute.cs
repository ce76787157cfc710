namespace Pnen.Dsl;

/// <summary>The event indicator of the survival outcome (a <see cref="bool"/>): true for an event,
/// false for censored. Read from 0/1, true/false or yes/no.</summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false, Inherited = false)]
public sealed class EventAttribute : Attribute
{
}
