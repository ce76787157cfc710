using System.Globalization;

namespace Pnen.Dsl;

/// <summary>Records the propensity model left out for a missing value (complete cases), and how many it analysed.</summary>
public sealed record RecordsLeftOutOfWeighting(int Count, int Analysed) : Note
{
    public override string Describe() => string.Create(CultureInfo.InvariantCulture,
        $"{Count} record{(Count == 1 ? " was" : "s were")} left out of the propensity model for a missing value ({Analysed} analysed)");
}

/// <summary>Records the standardisation model left out for a missing value, and how many it analysed.</summary>
public sealed record RecordsLeftOutOfAdjustedCurves(int Count, int Analysed) : Note
{
    public override string Describe() => string.Create(CultureInfo.InvariantCulture,
        $"{Count} record{(Count == 1 ? " was" : "s were")} left out of the adjusted curves for a missing value ({Analysed} analysed)");
}

/// <summary>Separation in the propensity model: the named covariates (or the intercept) run off to infinity,
/// or fitted probabilities are numerically 0 or 1, so some weights are extreme and balance is unreliable.</summary>
public sealed record PropensitySeparation(IReadOnlyList<string> Covariates, bool ExtremeProbabilities) : Note
{
    public override string Describe()
    {
        var what = Covariates.Count > 0
            ? $"the coefficient of {string.Join(", ", Covariates)} runs off to infinity (the covariate predicts the exposure perfectly for some records)"
            : "the exposure is (almost) perfectly predicted";
        return $"Separation in the propensity model: {what}{(ExtremeProbabilities ? "; some fitted probabilities are numerically 0 or 1" : "")}, so some weights are extreme and the weighted estimates are unreliable";
    }
}

/// <summary>Exposure levels without any analysed record in a cohort: the weighting or the adjusted curves compare the others.</summary>
public sealed record LevelsWithoutRecords(string Analysis, IReadOnlyList<string> Levels) : Note
{
    public override string Describe() =>
        $"{Analysis}: {string.Join(", ", Levels)} {(Levels.Count == 1 ? "has" : "have")} no record with every value here, so {(Levels.Count == 1 ? "it is" : "they are")} left out";
}

/// <summary>An analysis that could not be done in a cohort, and why (no counts in it).</summary>
public sealed record NotDone(string Analysis, string Reason) : Note
{
    public override string Describe() => $"{Analysis}: not done: {Reason}";
}
