using PnenSurgery.Synthesis.Cohort;

namespace PnenSurgery.Synthesis.Survival;

/// <summary>The linear predictor β'x of a patient: a sum of effects, with no centre term.</summary>
public static class SurvivalModel
{
    public static double LinearPredictor(Baseline p, IReadOnlyList<double> beta)
    {
        var eta = 0.0;
        switch (p.Surgery)
        {
            case Arm.PR when p.EffectGroup == EffectGroup.BodyTailPnet: eta += beta[Coefficient.PrBodyTail]; break;
            case Arm.PR when p.EffectGroup == EffectGroup.HeadNeckPnet: eta += beta[Coefficient.PrHeadNeck]; break;
            case Arm.PHR when p.EffectGroup == EffectGroup.BodyTailPnet: eta += beta[Coefficient.PhrBodyTail]; break;
            // No NEC or other pNET had PHR in the final cohort; excluded ones borrow hn-pNET's effect.
            case Arm.PHR: eta += beta[Coefficient.PhrHeadNeck]; break;
            // PR in NEC: no effect (the paper: PR 7 vs NR 9 months, P = 0.342).
        }
        if (p.EffectGroup == EffectGroup.HeadNeckPnet) eta += beta[Coefficient.HeadNeckPnet];
        if (p.Age >= 60) eta += beta[Coefficient.Age60OrOver];
        if (p.ExtrahepaticMets) eta += beta[Coefficient.Extrahepatic];
        if (p.HmOver40)
        {
            eta += beta[Coefficient.HmOver40];
            if (p.Surgery == Arm.PHR) eta += beta[Coefficient.HmOver40AfterPhr];
            if (p.EffectGroup == EffectGroup.BodyTailPnet) eta += beta[Coefficient.HmOver40BodyTail];
        }
        // An unknown grade (excluded patients only) is given G2's effect, the commonest grade.
        eta += p.Grade switch
        {
            Grade.G1 => beta[Coefficient.G1],
            Grade.G3 => beta[Coefficient.G3],
            Grade.NEC => 0,
            _ => beta[Coefficient.G2],
        };
        if (p.Ssa) eta += beta[Coefficient.Ssa];
        if (p.Chemotherapy) eta += beta[Coefficient.Chemotherapy];
        return eta;
    }
}
