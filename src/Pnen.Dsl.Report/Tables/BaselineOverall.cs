using Pnen.Stats.Baseline;

namespace Pnen.Dsl.Report;

/// <summary>
/// Table 1's "Overall" cell at the start of a row, when the table has the column: a level's count and
/// percentage of the whole cohort, a continuous summary of everyone, the missing values in all. Its
/// counts are those the univariate analysis and the suppression already know (a level in the cohort,
/// the missing values of a characteristic, patients with a known value), so they hide alike.
/// </summary>
internal sealed class BaselineOverall(bool shown, string cohort, TableText text)
{
    public List<TableCell> Empty(List<TableCell> cells) => Prepend(cells, () => TableCell.Empty);

    public List<TableCell> Level(string characteristic, LevelRow level, List<TableCell> cells) =>
        Prepend(cells, () => BaselineReportTable.CountPercent(CountKey.Level(cohort, characteristic, level.Level, level.Overall.Count), level.Overall.Percent, text));

    public List<TableCell> Summary(BaselineRow row, Func<GroupSummary, string> format, List<TableCell> cells) =>
        Prepend(cells, () => row.Overall is not { } all ? Numbers.Dash
            : text.Disclosure.IsSmall(all.N) || text.Disclosure.IsHidden(CountKey.Known(cohort, row.Variable, all.N)) ? Disclosure.Marker
            : format(all));

    public List<TableCell> Missing(BaselineRow row, List<TableCell> cells) =>
        Prepend(cells, () => text.Count(CountKey.Missing(cohort, row.Variable, row.Missing)));

    private List<TableCell> Prepend(List<TableCell> cells, Func<TableCell> overall)
    {
        if (shown) cells.Insert(0, overall());
        return cells;
    }
}
