using static Pnen.Formatting.Numbers;

namespace Pnen.Dsl.Report;

/// <summary>
/// The cohort flow as a CONSORT-style diagram: the recruited population, one box listing each
/// exclusion with its reason and count (in the order they were applied), the final cohort, its arms
/// (the full-cohort analysis), and the subgroups with their own exclusions and arms. Boxes are
/// sized from estimated text widths; arrows run top to bottom.
/// </summary>
internal static class FlowDiagram
{
    private const double Margin = 16;
    private const double VerticalGap = 34;
    private const double HorizontalGap = 16;
    private const double BranchGap = 40;
    private const double RouteClearance = 14;

    public static string Draw(FlowResult flow, FlowText text)
    {
        var recruited = FlowBox.Of([(flow.Population, true), ($"{N(text.Recruited)}", false)], 300, 180);
        var excluded = flow.Exclusions.Count == 0
            ? null
            : FlowBox.Of(
                new[] { ($"Excluded ({N(text.ExcludedTotal)})", true) }
                    .Concat(flow.Exclusions.Select((e, i) => ($"\u2022 {e.Reason} ({N(text.Excluded(i))})", false))),
                340, 160, leftAligned: true);
        var final = FlowBox.Of([("Final cohort", true), ($"{N(text.Final)}", false)], 300, 180);
        var arms = flow.Arms.Select(a => FlowBox.Of([(a.Level, true), ($"{N(text.Arm(null, a))}", false)], 180, 90)).ToArray();
        var subgroups = flow.Subgroups.Select(s => SubgroupBox(s, flow.ExposureLabel, text)).ToArray();

        // Widths of the rows, so that everything fits side by side around one spine.
        var armsWidth = RowWidth(arms);
        var subgroupsWidth = RowWidth(subgroups);
        var mainHalf = Math.Max(recruited.Width, final.Width) / 2;
        var routeSpace = subgroups.Length > 0 ? 2 * RouteClearance : 0;
        var leftNeed = Math.Max(mainHalf, Math.Max(armsWidth, subgroupsWidth) / 2 + routeSpace);
        var rightNeed = Math.Max(Math.Max(armsWidth, subgroupsWidth) / 2, mainHalf + (excluded is null ? 0 : BranchGap + excluded.Width));
        var spine = Margin + leftNeed;
        var width = spine + rightNeed + Margin;

        var y = Margin;
        recruited.X = spine - recruited.Width / 2;
        recruited.Y = y;
        y = recruited.Bottom + VerticalGap / 2;
        if (excluded is not null)
        {
            excluded.X = spine + mainHalf + BranchGap;
            excluded.Y = y;
            y = excluded.Bottom + VerticalGap / 2;
        }
        else
        {
            y += VerticalGap / 2;
        }
        final.X = spine - final.Width / 2;
        final.Y = y;
        y = final.Bottom + VerticalGap;

        var armsLabel = $"Full cohort by {Prose.Inline(flow.ExposureLabel)}";
        var armsBus = y + 4;
        Place(arms, spine, armsBus + VerticalGap - 8);
        y = (arms.Length > 0 ? arms.Max(a => a.Bottom) : armsBus) + VerticalGap;

        var subgroupBus = y + 14;
        Place(subgroups, spine + RouteClearance, subgroupBus + VerticalGap - 8);
        var height = (subgroups.Length > 0 ? subgroups.Max(s => s.Bottom) : y - VerticalGap) + Margin;

        var svg = new SvgWriter(Math.Ceiling(width), Math.Ceiling(height), "Flow diagram of the cohort: recruited, exclusions, final cohort, arms and subgroups");
        Arrow(svg, spine, recruited.Bottom, final.Y);
        if (excluded is not null)
        {
            var branchY = excluded.Y + excluded.Height / 2;
            svg.Line(spine, branchY, excluded.X - 6, branchY, Palette.Axis);
            Head(svg, excluded.X, branchY, horizontal: true);
        }

        if (arms.Length > 0)
        {
            svg.Line(spine, final.Bottom, spine, armsBus, Palette.Axis);
            Bus(svg, arms, armsBus);
            svg.Text(spine + 8, armsBus - 6, armsLabel, 11, fill: Palette.Muted, italic: true);
        }
        if (subgroups.Length > 0)
        {
            // Route from the final cohort's left side, around the arms, down to the subgroups' bus.
            var routeX = Math.Min(arms.Length > 0 ? arms.Min(a => a.X) : final.X, subgroups.Min(s => s.X)) - RouteClearance;
            var startY = final.Y + final.Height / 2;
            svg.Path(new PathData().MoveTo(final.X, startY).Horizontal(routeX).Vertical(subgroupBus), Palette.Axis);
            svg.Line(routeX, subgroupBus, subgroups.Max(s => s.CentreX), subgroupBus, Palette.Axis);
            foreach (var s in subgroups) Arrow(svg, s.CentreX, subgroupBus, s.Y);
            svg.Text(routeX + 8, subgroupBus - 6, "Subgroups of the final cohort", 11, fill: Palette.Muted, italic: true);
        }

        recruited.Draw(svg);
        excluded?.Draw(svg);
        final.Draw(svg);
        foreach (var box in arms.Concat(subgroups)) box.Draw(svg);
        return svg.Finish();
    }

    private static FlowBox SubgroupBox(SubgroupFlow subgroup, string exposure, FlowText text)
    {
        var lines = new List<(string, bool)> { ($"{subgroup.Name} ({N(text.Count(subgroup))})", true) };
        if (subgroup.Description is { Length: > 0 } description) lines.Add((description, false));
        lines.AddRange(subgroup.Exclusions.Select((e, i) => ($"Excluded: {e.Reason} ({N(text.Excluded(subgroup, i))})", false)));
        if (subgroup.NotSelected > 0) lines.Add(($"Not in the subgroup: {N(text.NotSelected(subgroup))}", false));
        // One arm never breaks across lines; the list breaks after a comma.
        lines.Add(($"{exposure}: " + string.Join(", ", subgroup.Arms.Select(a => Keep($"{a.Level} {text.Arm(subgroup, a)}"))), false));
        return FlowBox.Of(lines, 240, 150, leftAligned: true);
    }

    /// <summary>"n = 34" as one unbreakable word, so wrapping never leaves "(n" on one line and "= 34)" on the next.</summary>
    private static string N(string n) => Keep($"n = {n}");

    private static string Keep(string text) => text.Replace(' ', '\u00a0');

    private static double RowWidth(IReadOnlyList<FlowBox> boxes) =>
        boxes.Count == 0 ? 0 : boxes.Sum(b => b.Width) + (boxes.Count - 1) * HorizontalGap;

    private static void Place(IReadOnlyList<FlowBox> boxes, double centre, double y)
    {
        var x = centre - RowWidth(boxes) / 2;
        foreach (var box in boxes)
        {
            box.X = x;
            box.Y = y;
            x += box.Width + HorizontalGap;
        }
    }

    private static void Bus(SvgWriter svg, IReadOnlyList<FlowBox> boxes, double busY)
    {
        if (boxes.Count > 1) svg.Line(boxes[0].CentreX, busY, boxes[^1].CentreX, busY, Palette.Axis);
        foreach (var box in boxes) Arrow(svg, box.CentreX, busY, box.Y);
    }

    private static void Arrow(SvgWriter svg, double x, double fromY, double toY)
    {
        svg.Line(x, fromY, x, toY - 6, Palette.Axis);
        Head(svg, x, toY, horizontal: false);
    }

    private static void Head(SvgWriter svg, double x, double y, bool horizontal)
    {
        var path = horizontal
            ? new PathData().MoveTo(x, y).LineTo(x - 7, y - 4).LineTo(x - 7, y + 4).Close()
            : new PathData().MoveTo(x, y).LineTo(x - 4, y - 7).LineTo(x + 4, y - 7).Close();
        svg.FilledPath(path, Palette.Axis);
    }
}
