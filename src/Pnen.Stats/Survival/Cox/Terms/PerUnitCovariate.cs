using System.Globalization;

namespace Pnen.Stats.Survival.Cox.Terms;

/// <summary>
/// A numeric covariate per <see cref="Units"/> units: the column divided by Units, so that its
/// hazard ratio is per Units (age per 10 years; R: <c>I(age / 10)</c>). Level null, as a plain
/// numeric covariate. NaN marks a missing value.
/// </summary>
public sealed record PerUnitCovariate(string Name, double[] Values, double Units) : CoxCovariate(Name), IDerivedCovariate
{
    internal override int Length => Values.Length;

    internal override bool IsMissing(int row) => double.IsNaN(Values[row]);

    /// <summary>"age (per 10)".</summary>
    public string Label => $"{Name} (per {Units.ToString("G6", CultureInfo.InvariantCulture)})";

    DerivedColumns IDerivedCovariate.Columns(int[]? analysed, int rows)
    {
        if (!double.IsFinite(Units) || Units == 0) throw new ArgumentOutOfRangeException(nameof(Units), Units, $"'{Name}' per {Units} units: the units must be a finite, non-zero number");
        var values = new double[rows];
        for (var i = 0; i < rows; i++) values[i] = Values[i] / Units;
        return DerivedColumns.Of(new DerivedColumn(null, Label, values));
    }
}
