namespace Pnen.Data.Formats.Spss;

/// <summary>Which SPSS print formats hold dates (PSPP developers' guide, "Variable Record", format types).</summary>
internal static class SpssFormats
{
    public static NumberDisplay Display(int formatType) => formatType switch
    {
        20 or 23 or 24 or 28 or 29 or 30 or 38 or 39 => NumberDisplay.Date, // DATE ADATE JDATE MOYR QYR WKYR EDATE SDATE
        22 or 41 => NumberDisplay.DateTime,                                 // DATETIME YMDHMS
        _ => NumberDisplay.Plain,                                           // numbers, and durations (TIME, DTIME, MTIME) in seconds
    };
}
