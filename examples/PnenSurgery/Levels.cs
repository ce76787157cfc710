using Pnen.Dsl;

namespace PnenSurgery;

/// <summary>The three participating centres (assigned synthetically: the paper gives no split).</summary>
public enum Centre
{
    [Label("Peking Union Medical College Hospital")] PUMCH,
    [Label("Zhongshan Hospital, Fudan University")] ZSH,
    [Label("Peking University Third Hospital")] PUTH,
}

public enum Sex
{
    Male,
    Female,
}

public enum HmDistribution
{
    Unilobar,
    Bilobar,
}

public enum Location
{
    [Label("Head/neck")] HeadNeck,
    [Label("Body/tail")] BodyTail,
    Diffused,
}

/// <summary>WHO 2019: G1-G3 are neuroendocrine tumours (pNET); NEC is a poorly differentiated carcinoma (pNEC).</summary>
public enum Grade
{
    G1,
    G2,
    G3,
    NEC,
}

/// <summary>The exposure: NR no resection (non-operative therapy), PR resection of the primary only,
/// PHR resection of the primary and of more than 70% of the hepatic lesions.</summary>
public enum Surgery
{
    NR,
    PR,
    PHR,
}
