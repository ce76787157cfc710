namespace Pnen.Dsl;

/// <summary>What a variable is, for the analyses and the tables.</summary>
public enum VariableKind
{
    /// <summary>Names a record (<see cref="IdAttribute"/>); never analysed.</summary>
    Identifier,

    /// <summary>A number summarised by mean or median, usable as a Cox covariate.</summary>
    Continuous,

    /// <summary>A variable with levels (an enum, or text whose levels come from the data).</summary>
    Categorical,

    /// <summary>A yes/no variable (a <see cref="bool"/> that is not the event).</summary>
    Binary,

    /// <summary>The survival time (<see cref="SurvivalTimeAttribute"/>).</summary>
    Time,

    /// <summary>The event indicator (<see cref="EventAttribute"/>).</summary>
    Event,

    /// <summary>A calendar date, held in the columnar view as a day number.</summary>
    Date,
}
