namespace Pnen.Stats.Survival.Cox.Terms;

/// <summary>
/// One estimated column of a <see cref="CoxModel"/>: the covariate (model term) it belongs to,
/// its variable and level as in <see cref="CoxTerm"/>, a label for tables ("rx: Lev+5FU",
/// "age (per 10)", "age: ns2", "rx: Lev+5FU × sex: Male"), and the estimate.
/// </summary>
public sealed record CoxModelColumn(CoxCovariate Covariate, string Variable, string? Level, string Label, CoxTerm Term);
