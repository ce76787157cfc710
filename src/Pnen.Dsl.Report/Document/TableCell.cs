namespace Pnen.Dsl.Report;

/// <summary>A cell's text; <see cref="Emphasis"/> marks a significant P value.</summary>
public sealed record TableCell(string Text, bool Emphasis = false)
{
    public static readonly TableCell Empty = new("");

    public static implicit operator TableCell(string text) => new(text);
}
