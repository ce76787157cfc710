namespace Pnen.Data;

/// <summary>A column kept as text, such as a patient identifier: values are not levels to count
/// or numbers to sum, only labels to carry through to an output. Null marks a missing value.</summary>
public sealed class TextColumn : Column
{
    public TextColumn(string name, string?[] values) : base(name) => Values = values;

    public string?[] Values { get; }

    public override int Length => Values.Length;

    public override bool IsMissing(int row) => Values[row] is null;
}
