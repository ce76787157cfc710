namespace PnenSurgery.Synthesis.Cohort;

/// <summary>
/// Which surgery effect of the survival model applies to a patient. The paper found a benefit of
/// surgery in bt-pNET-sHM but not in hn-pNET-sHM or pNEC-sHM, so the model lets the effect differ
/// between these groups; pNET patients outside both pNET subgroups (extrahepatic metastasis or a
/// diffuse primary) were never resected in the final cohort and need no surgery effect.
/// </summary>
public enum EffectGroup { BodyTailPnet, HeadNeckPnet, Nec, OtherPnet }
