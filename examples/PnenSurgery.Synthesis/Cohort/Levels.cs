namespace PnenSurgery.Synthesis.Cohort;

// The categorical levels of the CSV, spelled as the CSV spells them (enum names are written as is).

/// <summary>Surgical treatment: no resection, primary (pancreatic) resection, primary + hepatic resection.</summary>
public enum Arm { NR, PR, PHR }

/// <summary>WHO 2019 grade; NEC = poorly differentiated neuroendocrine carcinoma.</summary>
public enum Grade { G1, G2, G3, NEC }

public enum Location { HeadNeck, BodyTail, Diffused }

public enum Sex { Male, Female }

public enum HmDistribution { Unilobar, Bilobar }

/// <summary>The three recruiting hospitals (the assignment is synthetic).</summary>
public enum Centre { PUMCH, ZSH, PUTH }

/// <summary>A diameter's side of the analysis cut point (40 mm).</summary>
public enum DiameterBand { UpTo40, Over40 }
