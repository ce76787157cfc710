namespace Pnen.Dsl.Report;

/// <summary>
/// Curve colours from Okabe and Ito's colour-blind-safe palette, in an order whose neighbours differ
/// in lightness too (so a greyscale print still separates them). Yellow is left out: it vanishes on
/// white. A level keeps its colour in every panel, even where another level is empty.
/// </summary>
internal static class Palette
{
    private static readonly string[] Colours =
    [
        "#0072B2", // blue
        "#D55E00", // vermillion
        "#009E73", // bluish green
        "#CC79A7", // reddish purple
        "#E69F00", // orange
        "#56B4E9", // sky blue
        "#000000", // black
    ];

    public const string Axis = "#000000";
    public const string Grid = "#d9d9d9";
    public const string Muted = "#595959";
    public const string Stripe = "#f2f2f2";
    public const string BoxFill = "#ffffff";

    public static string Of(int level) => Colours[level % Colours.Length];
}
