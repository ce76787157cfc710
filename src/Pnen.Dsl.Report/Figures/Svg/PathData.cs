using System.Text;
using static Pnen.Formatting.Numbers;

namespace Pnen.Dsl.Report;

/// <summary>The "d" attribute of an SVG path, in absolute commands with fixed-decimal coordinates.</summary>
internal sealed class PathData
{
    private readonly StringBuilder _d = new();

    public bool IsEmpty => _d.Length == 0;

    public PathData MoveTo(double x, double y) => Append('M', x, y);

    public PathData LineTo(double x, double y) => Append('L', x, y);

    public PathData Horizontal(double x) => Append('H', x);

    public PathData Vertical(double y) => Append('V', y);

    public PathData Close()
    {
        _d.Append('Z');
        return this;
    }

    public override string ToString() => _d.ToString();

    private PathData Append(char command, double x, double y)
    {
        if (_d.Length > 0) _d.Append(' ');
        _d.Append(command).Append(Coordinate(x)).Append(' ').Append(Coordinate(y));
        return this;
    }

    private PathData Append(char command, double value)
    {
        if (_d.Length > 0) _d.Append(' ');
        _d.Append(command).Append(Coordinate(value));
        return this;
    }
}
