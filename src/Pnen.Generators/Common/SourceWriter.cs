using System;
using System.Text;

namespace Pnen.Generators.Common;

/// <summary>Builds generated source with four-space indentation and '\n' line ends, whatever the
/// machine, so the output is byte-identical everywhere.</summary>
internal sealed class SourceWriter
{
    private readonly StringBuilder _text = new();
    private int _depth;

    public SourceWriter Line(string line = "")
    {
        if (line.Length > 0) _text.Append(' ', _depth * 4).Append(line);
        _text.Append('\n');
        return this;
    }

    /// <summary>Writes <paramref name="header"/> (if any) and an opening brace, and indents what follows.</summary>
    public SourceWriter Open(string? header = null)
    {
        if (header is not null) Line(header);
        Line("{");
        _depth++;
        return this;
    }

    public SourceWriter Close(string line = "}")
    {
        _depth = Math.Max(0, _depth - 1);
        return Line(line);
    }

    public override string ToString() => _text.ToString();
}
