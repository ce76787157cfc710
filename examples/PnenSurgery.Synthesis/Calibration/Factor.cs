using Pnen.Stats.Survival.Cox;

namespace PnenSurgery.Synthesis.Calibration;

/// <summary>A categorical variable of the analysis: level names and one code per row (-1 = missing).</summary>
public sealed record Factor(string Name, string[] Levels, int[] Codes, int Reference = 0)
{
    public Factor Subset(int[] rows) => this with { Codes = rows.Select(r => Codes[r]).ToArray() };

    public CategoricalCovariate Covariate() => new(Name, Codes, Levels, Reference);
}
