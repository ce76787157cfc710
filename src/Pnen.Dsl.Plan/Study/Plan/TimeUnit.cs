namespace Pnen.Dsl;

/// <summary>A unit of follow-up time, for reporting in another unit than the data's
/// (<c>.Survival(p =&gt; p.Days, p =&gt; p.Died, unit: TimeUnit.Days, report: TimeUnit.Years)</c>).</summary>
public enum TimeUnit
{
    Days,
    Weeks,
    Months,
    Years,
}

/// <summary>
/// The data's time unit and the report's. Conversions use the mean Gregorian year of 365.25 days and
/// a month of a twelfth of it (30.4375 days), as survminer's <c>xscale</c> ("d_y", "d_m", "m_y") and
/// lubridate do; a week is 7 days.
/// </summary>
public sealed record TimeScale(TimeUnit Data, TimeUnit Report)
{
    /// <summary>How many report units one data unit is (Days to Years: 1/365.25).</summary>
    public double Factor => Days(Data) / Days(Report);

    /// <summary>A time in the report's unit: divided by the report unit's length in data units when
    /// that is longer (days / 365.25, as one writes it in R), else multiplied, so that a time the plan
    /// names the same way (a landmark at 100 / 365.25 years) is the same number.</summary>
    public double Convert(double time) =>
        Data == Report ? time : Days(Report) > Days(Data) ? time / (Days(Report) / Days(Data)) : time * (Days(Data) / Days(Report));

    /// <summary>The unit as a report prints it: "days", "weeks", "months", "years".</summary>
    public static string Label(TimeUnit unit) => unit switch
    {
        TimeUnit.Days => "days",
        TimeUnit.Weeks => "weeks",
        TimeUnit.Months => "months",
        TimeUnit.Years => "years",
        _ => throw new ArgumentOutOfRangeException(nameof(unit), unit, "Not a time unit."),
    };

    /// <summary>Days in one unit.</summary>
    public static double Days(TimeUnit unit) => unit switch
    {
        TimeUnit.Days => 1,
        TimeUnit.Weeks => 7,
        TimeUnit.Months => 365.25 / 12,
        TimeUnit.Years => 365.25,
        _ => throw new ArgumentOutOfRangeException(nameof(unit), unit, "Not a time unit."),
    };
}
