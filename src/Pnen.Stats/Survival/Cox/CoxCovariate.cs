namespace Pnen.Stats.Survival.Cox;

/// <summary>A covariate of a Cox model: one column of the data, numeric or categorical.</summary>
public abstract record CoxCovariate(string Name)
{
    internal abstract int Length { get; }

    internal abstract bool IsMissing(int row);
}

/// <summary>A numeric covariate; NaN marks a missing value.</summary>
public sealed record NumericCovariate(string Name, double[] Values) : CoxCovariate(Name)
{
    internal override int Length => Values.Length;

    internal override bool IsMissing(int row) => double.IsNaN(Values[row]);
}

/// <summary>
/// A categorical covariate entered with treatment contrasts: one indicator per level other than
/// <see cref="Reference"/>, each comparing that level with the reference. Codes index
/// <see cref="Levels"/>; -1 marks a missing value.
/// </summary>
public sealed record CategoricalCovariate(string Name, int[] Codes, IReadOnlyList<string> Levels, int Reference) : CoxCovariate(Name)
{
    internal override int Length => Codes.Length;

    internal override bool IsMissing(int row) => Codes[row] < 0;
}

/// <summary>A stratification variable: each level gets its own baseline hazard. -1 marks missing.</summary>
public sealed record CoxStrata(string Name, int[] Codes, IReadOnlyList<string> Levels);
