using System.Globalization;

namespace Pnen.Dsl;

/// <summary>
/// Something a reader of the results must know: a test not done, a term left out of a model, records
/// left out. Notes are typed, with their counts as numbers, so that a report can say them with its own
/// rules (e.g. hide a small count) without reading sentences back; <see cref="Describe"/> gives the
/// plain sentence.
/// </summary>
public abstract record Note
{
    /// <summary>The note as one sentence, with its counts as they are.</summary>
    public abstract string Describe();
}

/// <summary>Why a variable cannot be tested or modelled in a set of records.</summary>
public enum ConstancyKind
{
    /// <summary>No record has a value.</summary>
    NoValues,

    /// <summary>Every record with a value has the same level (<see cref="Constancy.Level"/>).</summary>
    OneLevel,

    /// <summary>Every record with a value has the same number (not shown: it may be one patient's).</summary>
    OneValue,
}

/// <summary>A variable without variation, and its one level when it is categorical.</summary>
public sealed record Constancy(ConstancyKind Kind, string? Level)
{
    public string Describe() => Kind switch
    {
        ConstancyKind.NoValues => "no record has a value",
        ConstancyKind.OneLevel => $"constant (every record is {Level})",
        _ => "constant (every record has the same value)",
    };
}

/// <summary>Records a model left out for a missing value (complete-case analysis), and how many it analysed.</summary>
public sealed record RecordsLeftOutOfModel(string ModelId, string Model, int Count, int Analysed) : Note
{
    public override string Describe() => string.Create(CultureInfo.InvariantCulture,
        $"{Count} record{(Count == 1 ? " was" : "s were")} left out of the model {Model} for a missing value ({Analysed} analysed)");
}

/// <summary>Records the stratified tests and models left out because a stratification variable is missing.</summary>
public sealed record RecordsWithoutStratum(IReadOnlyList<string> Strata, int Count, int Analysed) : Note
{
    public override string Describe() => string.Create(CultureInfo.InvariantCulture,
        $"{Count} record{(Count == 1 ? " was" : "s were")} left out of the stratified tests and models for a missing {string.Join(" or ", Strata)} ({Analysed} analysed)");
}

/// <summary>A variable that was not tested, and why.</summary>
public sealed record NotTested(string Subject, Constancy Reason) : Note
{
    public override string Describe() => $"{Subject}: not tested: {Reason.Describe()}";
}

/// <summary>A term left out of a model in one cohort, because it does not vary there.</summary>
public sealed record LeftOutOfModel(string Model, string Term, Constancy Reason) : Note
{
    public override string Describe() => $"{Term} was left out of the model {Model}: {Reason.Describe()}";
}

/// <summary>A coefficient a model could not estimate (collinear, an empty level, no events), in the engine's words.</summary>
public sealed record NotEstimated(string Model, string Term, string? Level, string Reason) : Note
{
    public override string Describe() => $"{Model}: {Term}{(Level is null ? "" : " " + Level)} not estimated: {Reason}";
}

/// <summary>A coefficient running off to infinity (monotone likelihood): its hazard ratio is not an estimate.</summary>
public sealed record PossiblyInfinite(string Model, string Term, string? Level) : Note
{
    public override string Describe() =>
        $"{Model}: the hazard ratio of {Term}{(Level is null ? "" : " " + Level)} may be infinite (monotone likelihood, e.g. a level without events): not an estimate";
}

/// <summary>Something else the statistics engine said about a model or test (no counts in it).</summary>
public sealed record AnalysisMessage(string Subject, string Text) : Note
{
    public override string Describe() => $"{Subject}: {Text}";
}

/// <summary>Patients left out of the time-dependent and landmark analyses: exposed without a start time, or
/// followed for no time at all.</summary>
public sealed record RecordsWithoutStart(string StartsAt, int Count, int Analysed) : Note
{
    public override string Describe() => string.Create(CultureInfo.InvariantCulture,
        $"{Count} record{(Count == 1 ? " was" : "s were")} left out of the time-dependent and landmark analyses: exposed without a value of {StartsAt}, or followed for no time ({Analysed} analysed)");
}

/// <summary>Exposed patients whose exposure starts at or after the end of their follow-up: unexposed throughout
/// in the time-dependent analyses (as tmerge), a sign to check the data.</summary>
public sealed record StartsAfterFollowUp(string StartsAt, int Count) : Note
{
    public override string Describe() => string.Create(CultureInfo.InvariantCulture,
        $"{Count} exposed record{(Count == 1 ? "'s" : "s'")} {StartsAt} is at or after the end of follow-up: unexposed throughout in the time-dependent analyses");
}
