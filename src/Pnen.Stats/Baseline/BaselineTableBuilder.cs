using System.Collections.Immutable;

namespace Pnen.Stats.Baseline;

/// <summary>
/// Builds a baseline table (Table 1): one row per variable, one column per group plus an overall
/// column, with a test across groups chosen by a documented rule.
/// </summary>
/// <remarks>
/// <para><b>Rows analysed.</b> Rows whose group is missing (code −1) are left out of everything and
/// counted in a table warning. Within a variable, missing values (code −1, NaN) are left out of the
/// percentages, summaries, tests and SMD, and counted per group (<see cref="BaselineRow.MissingCounts"/>)
/// so a renderer can show them as their own row. Percentages are column percentages of the
/// non-missing values of each group.</para>
/// <para><b>Categorical test</b> (<see cref="CategoricalTestChoice"/>). Levels and groups without
/// observations are left out of the test (and named in a note). <c>Auto</c>, gtsummary's rule:
/// Pearson's chi-square without continuity correction unless an expected count is below 5, then
/// Fisher's exact test (exact; simulated with a fixed seed only beyond
/// <see cref="Hypothesis.FisherExactOptions.ExactBudget"/>, which the row's method and notes say).
/// <c>ChiSquare</c> always uses chi-square (and notes R's small-expected warning); <c>Fisher</c>
/// always uses Fisher.</para>
/// <para><b>Continuous test</b> (<see cref="ContinuousTestChoice"/>). The row's normality is
/// Shapiro-Wilk of all its non-missing values (defined for 3 to 5000 values). <c>Auto</c>: one-way
/// ANOVA when that p is at least <see cref="BaselineTableOptions.NormalityAlpha"/> (0.05), else
/// Kruskal-Wallis, or the Wilcoxon rank-sum test when two groups have values; when normality cannot
/// be assessed (fewer than 3 or more than 5000 values) the rank test is used. <c>Anova</c>,
/// <c>Welch</c> and <c>Kruskal</c> force that test (Kruskal-Wallis also for two groups).</para>
/// <para><b>No test</b> (null test, statistic and p, with a note; never NaN) when the variable has no
/// non-missing values, is constant within the analysed rows, has values in only one group, or the
/// chosen test is undefined on the data (e.g. Welch with a group of one value).</para>
/// <para><b>SMD</b> (when asked): continuous (m₁ − m₂)/√((s₁² + s₂²)/2), categorical the
/// Yang-Dalton multinomial distance as in R's tableone; with more than two groups the largest
/// absolute pairwise value (tableone prints the mean of the pairs; the largest is the conservative
/// summary for judging balance).</para>
/// </remarks>
public static partial class BaselineTableBuilder
{
    public static BaselineTable Build(BaselineGrouping by, IReadOnlyList<BaselineVariable> variables, BaselineTableOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(variables);
        options ??= BaselineTableOptions.Default;
        var groups = AnalysedGroups.From(by);
        return Assemble(groups, variables, variable => variable switch
        {
            CategoricalVariable c => CategoricalRowBuilder.Build(c, groups, options),
            ContinuousVariable c => ContinuousRowBuilder.Build(c, groups, options),
            _ => throw new ArgumentException($"unknown variable type {variable.GetType().Name}", nameof(variables)),
        });
    }

    /// <summary>The table of the rows <paramref name="row"/> builds, with the grouping's warnings and the rows' notes.</summary>
    private static BaselineTable Assemble<T>(AnalysedGroups groups, IReadOnlyList<T> variables, Func<T, BaselineRow> row)
    {
        var warnings = new List<string>();
        if (groups.Excluded > 0)
            warnings.Add($"{groups.Excluded} row(s) with a missing {groups.Name} were excluded");
        var empty = Enumerable.Range(0, groups.Count).Where(g => groups.Sizes[g] == 0).ToArray();
        if (empty.Length > 0) warnings.Add($"group(s) {groups.Quote(empty)} have no rows");
        if (groups.Count - empty.Length < 2) warnings.Add("fewer than two groups have rows; there are no tests across groups");

        foreach (var variable in variables) ArgumentNullException.ThrowIfNull(variable);
        var rows = BuildRows(variables, row);
        foreach (var built in rows)
            warnings.AddRange(built.Notes.Select(n => $"{built.Variable}: {n}"));

        return new BaselineTable
        {
            By = groups.Name,
            Groups = [.. groups.Labels],
            GroupSizes = [.. groups.Sizes],
            Total = groups.Sizes.Sum(),
            Rows = rows,
            Warnings = [.. warnings],
        };
    }

    /// <summary>
    /// The rows on every core: each row reads only its own variable, so the result is the same in
    /// any schedule. A failing row's exception is rethrown as itself (the first in plan order),
    /// not wrapped, so callers see what a sequential build would have thrown.
    /// </summary>
    private static ImmutableArray<BaselineRow> BuildRows<T>(IReadOnlyList<T> variables, Func<T, BaselineRow> row)
    {
        var rows = new BaselineRow[variables.Count];
        var failures = new Exception?[variables.Count];
        Parallel.For(0, variables.Count, i =>
        {
            try
            {
                rows[i] = row(variables[i]);
            }
            catch (Exception e)
            {
                failures[i] = e;
            }
        });
        if (failures.FirstOrDefault(f => f is not null) is { } failure)
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(failure).Throw();
        return [.. rows];
    }
}
