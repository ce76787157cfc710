namespace Pnen.Data.Formats.Stata;

/// <summary>
/// The field sizes that differ between Stata's dta formats 117 (Stata 13), 118 (Stata 14 to 18) and
/// 119 (Stata 15 to 18, more than 32,767 variables), from Stata's "dta" file format documentation.
/// </summary>
internal sealed record DtaLayout(int Release)
{
    public int NameBytes => Release == 117 ? 33 : 129;

    public int FormatBytes => Release == 117 ? 49 : 57;

    public int VariableLabelBytes => Release == 117 ? 81 : 321;

    public int LabelLengthBytes => Release == 117 ? 1 : 2;

    public int VariableCountBytes => Release == 119 ? 4 : 2;

    public int ObservationCountBytes => Release == 117 ? 4 : 8;

    public int SortEntryBytes => Release == 119 ? 4 : 2;

    /// <summary>The bytes of (v, o) in a strL reference of the data: 117 has 4 + 4; 118 packs 2 + 6, 119 3 + 5 into 8.</summary>
    public int StrlVariableBytes => Release switch { 117 => 4, 118 => 2, _ => 3 };

    /// <summary>Stata 14 and later write UTF-8; Stata 13 wrote the Windows code page (modern tools often write UTF-8 there too).</summary>
    public bool Utf8 => Release >= 118;
}
