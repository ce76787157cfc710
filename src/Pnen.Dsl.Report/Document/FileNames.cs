using System.Text;

namespace Pnen.Dsl.Report;

/// <summary>File-name stems from cohort names ("bt-pNET-sHM" → "bt-pnet-shm"), unique within a report.</summary>
internal sealed class FileNames
{
    private readonly HashSet<string> _used = new(StringComparer.Ordinal);

    public string Unique(string prefix, string name)
    {
        var stem = prefix + Slug(name);
        var candidate = stem;
        for (var i = 2; !_used.Add(candidate); i++) candidate = stem + "-" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return candidate;
    }

    public static string Slug(string name)
    {
        var slug = new StringBuilder();
        foreach (var c in name.ToLowerInvariant())
        {
            if (c is >= 'a' and <= 'z' or >= '0' and <= '9') slug.Append(c);
            else if (slug.Length > 0 && slug[^1] != '-') slug.Append('-');
        }
        var text = slug.ToString().Trim('-');
        return text.Length == 0 ? "x" : text;
    }
}
