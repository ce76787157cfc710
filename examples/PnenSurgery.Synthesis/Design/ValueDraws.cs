using PnenSurgery.Synthesis.Cohort;
using PnenSurgery.Synthesis.Randomness;

namespace PnenSurgery.Synthesis.Design;

/// <summary>
/// Continuous values on the side of a cut point the count tables fixed: ages from normal
/// distributions, diameters from log-normal ones, each truncated to its band and rounded to one
/// decimal (the rounding is done before the band check, so 59.96 can never become 60.0).
/// </summary>
public static class ValueDraws
{
    public static double Age(Xoshiro256 random, bool sixtyOrOver) => sixtyOrOver
        ? Truncated(() => 65 + 4.5 * random.NextNormal(), 60.0, 82.0)
        : Truncated(() => 48 + 9 * random.NextNormal(), 22.0, 59.9);

    public static double? PrimaryDiameter(Xoshiro256 random, DiameterBand? band) => band switch
    {
        DiameterBand.UpTo40 => Truncated(() => 27 * Math.Exp(0.35 * random.NextNormal()), 8.0, 40.0),
        DiameterBand.Over40 => Truncated(() => 55 * Math.Exp(0.3 * random.NextNormal()), 40.1, 130.0),
        _ => null,
    };

    public static double? HmDiameter(Xoshiro256 random, DiameterBand? band) => band switch
    {
        DiameterBand.UpTo40 => Truncated(() => 20 * Math.Exp(0.45 * random.NextNormal()), 5.0, 40.0),
        DiameterBand.Over40 => Truncated(() => 58 * Math.Exp(0.35 * random.NextNormal()), 40.1, 160.0),
        _ => null,
    };

    private static double Truncated(Func<double> draw, double min, double max)
    {
        while (true)
        {
            var value = Math.Round(draw(), 1, MidpointRounding.AwayFromZero);
            if (value >= min && value <= max) return value;
        }
    }
}
