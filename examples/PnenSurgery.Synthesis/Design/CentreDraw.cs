using PnenSurgery.Synthesis.Cohort;
using PnenSurgery.Synthesis.Randomness;

namespace PnenSurgery.Synthesis.Design;

/// <summary>
/// The recruiting centre. The paper gives no split by centre, so it is drawn independently of
/// everything else (45% PUMCH, the lead centre; 35% Zhongshan; 20% PUTH) and has no effect in the
/// survival model: a stratified analysis by centre should change little.
/// </summary>
public static class CentreDraw
{
    public static Centre Next(Xoshiro256 random)
    {
        var u = random.NextDouble();
        return u < 0.45 ? Centre.PUMCH : u < 0.80 ? Centre.ZSH : Centre.PUTH;
    }
}
