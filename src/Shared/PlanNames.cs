using System.Text;

namespace Pnen.Shared;

/// <summary>
/// The stable ids of a plan's parts, computed the same way by the source generator (from syntax) and
/// by the runtime (from expression trees): this file is compiled into both. An id is also the name of
/// the typed result property the generator emits, so generated code and results meet on it.
/// </summary>
internal static class PlanNames
{
    /// <summary>A name as a C# property: split on anything but letters and digits, each part
    /// capitalised and the rest lower-cased ("bt-pNET-sHM" → BtPnetShm), "_" in front of a leading
    /// digit; empty when nothing is left.</summary>
    public static string Property(string name)
    {
        var text = new StringBuilder();
        var start = true;
        foreach (var c in name)
        {
            if (!char.IsLetterOrDigit(c))
            {
                start = true;
                continue;
            }
            text.Append(start ? char.ToUpperInvariant(c) : char.ToLowerInvariant(c));
            start = false;
        }
        if (text.Length > 0 && char.IsDigit(text[0])) text.Insert(0, '_');
        return text.ToString();
    }

    /// <summary>The id of an interaction term: its two terms' ids joined, "TreatmentBySex".</summary>
    public static string Interaction(string first, string second) => first + "By" + second;
}
