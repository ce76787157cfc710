namespace Pnen.Data;

/// <summary>The tokens that mean "no value" in a file. Compared after trimming, ordinal.</summary>
public sealed class MissingValues
{
    public static readonly MissingValues Default = new(["", "NA"]);

    private readonly string[] _tokens;

    public MissingValues(IEnumerable<string> tokens)
    {
        _tokens = tokens.Select(t => t.Trim()).Distinct(StringComparer.Ordinal).ToArray();
    }

    public IReadOnlyList<string> Tokens => _tokens;

    public bool IsMissing(ReadOnlySpan<char> field)
    {
        var trimmed = field.Trim();
        foreach (var token in _tokens)
        {
            if (trimmed.SequenceEqual(token)) return true;
        }
        return false;
    }
}
