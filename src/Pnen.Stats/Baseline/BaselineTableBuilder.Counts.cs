namespace Pnen.Stats.Baseline;

public static partial class BaselineTableBuilder
{
    /// <summary>
    /// The baseline table from counts, as SQL aggregations give them for a file larger than memory:
    /// the same rows, tests and notes as <see cref="Build"/> on the rows counted. Categorical rows
    /// are their contingency table, exactly; continuous rows are computed from the counts of each
    /// distinct value per group: type-7 quartiles and the median from cumulative counts (exactly
    /// the row-level order statistics), mean and SD, ANOVA and Welch from Σ c·v sums (equal to the
    /// row-level sums up to the order of additions), Kruskal-Wallis and Wilcoxon from mid-ranks of
    /// the pooled cumulative counts with the same tie correction; Shapiro-Wilk, defined for at most
    /// 5,000 values, on the values themselves (rebuilt from the counts), and above that not assessed,
    /// as on the rows.
    /// </summary>
    /// <param name="by">The grouping column's name.</param>
    /// <param name="groups">Its levels, in display order.</param>
    /// <param name="groupSizes">Rows in each group.</param>
    /// <param name="excluded">Rows whose group is missing (left out of everything).</param>
    public static BaselineTable BuildFromCounts(
        string by, IReadOnlyList<string> groups, IReadOnlyList<int> groupSizes, int excluded,
        IReadOnlyList<CountedVariable> variables, BaselineTableOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(by);
        ArgumentNullException.ThrowIfNull(groups);
        ArgumentNullException.ThrowIfNull(groupSizes);
        ArgumentNullException.ThrowIfNull(variables);
        options ??= BaselineTableOptions.Default;
        var analysed = AnalysedGroups.FromSizes(by, groups, groupSizes, excluded);
        return Assemble(analysed, variables, variable => variable switch
        {
            CategoricalCounts c => CategoricalRowBuilder.FromCounts(c.Name, c.Levels, c.Counts, c.Missing, analysed, options),
            ValueCounts c => CountedContinuousRowBuilder.Build(c, analysed, options),
            _ => throw new ArgumentException($"unknown variable type {variable.GetType().Name}", nameof(variables)),
        });
    }
}
