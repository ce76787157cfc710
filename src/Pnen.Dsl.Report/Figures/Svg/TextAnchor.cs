namespace Pnen.Dsl.Report;

/// <summary>Which point of a text its x coordinate names.</summary>
internal enum TextAnchor
{
    Start,
    Middle,
    End,
}
