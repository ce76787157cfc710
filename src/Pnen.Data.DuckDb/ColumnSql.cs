namespace Pnen.Data.DuckDb;

/// <summary>
/// The DuckDB SQL that reads one column of a <see cref="DuckDbFile"/> under Pnen's input rules
/// (<see cref="ValueParser"/>, <see cref="MissingValues.Default"/>): when a cell is missing (empty
/// or NA, surrounding white space aside; a Parquet null or NaN), when it is a bad value for the
/// kind asked (a number that is no finite decimal, a negative time, an event other than 0/1 or
/// true/false), and its value once the file has passed those checks. Text numbers must be plain
/// decimals ([+-]digits[.digits][e[+-]digits]), the forms the in-memory reader takes, so DuckDB's
/// more lenient cast (e.g. 1_000) never accepts what the memory engine refuses. White space is
/// RE2's \s (space, tab, CR, LF, FF), where the memory engine also trims other Unicode spaces.
/// </summary>
internal sealed record ColumnSql(string Name, string Sql, string Type)
{
    private const string Blank = @"'^\s*(NA)?\s*$'";
    private const string Decimal = @"'^\s*[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?\s*$'";

    private bool IsText => Type == "VARCHAR";

    private bool IsFloat => Type is "DOUBLE" or "FLOAT";

    private bool IsBoolean => Type == "BOOLEAN";

    private string Trimmed => $"trim({Sql}, ' \t\n\r\f')";

    /// <summary>True where the cell holds no value.</summary>
    public string Missing => IsText
        ? $"({Sql} IS NULL OR regexp_matches({Sql}, {Blank}))"
        : IsFloat ? $"({Sql} IS NULL OR isnan({Sql}))" : $"({Sql} IS NULL)";

    /// <summary>The cell as text, for an error message.</summary>
    public string Raw => IsText ? Sql : $"CAST({Sql} AS VARCHAR)";

    /// <summary>True where a present cell is not a valid value of <paramref name="kind"/>.</summary>
    public string Bad(ColumnKind kind)
    {
        var bad = kind switch
        {
            ColumnKind.Numeric => NotNumber,
            ColumnKind.NonNegative => $"({NotNumber} OR {Number} < 0)",
            ColumnKind.Event => IsText
                ? $"NOT (lower({Trimmed}) IN ('true', 'false') OR (NOT {NotNumber} AND {Number} IN (0, 1)))"
                : IsBoolean ? "false" : $"NOT ({Sql} IN (0, 1))",
            ColumnKind.Categorical => "false",
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "the DuckDB engine reads numeric, event and categorical columns"),
        };
        return $"(NOT {Missing} AND {bad})";
    }

    /// <summary>True where a present cell is not a number: a column read as Auto is categorical when any is.</summary>
    public string NotNumeric => $"(NOT {Missing} AND {NotNumber})";

    /// <summary>The value (DOUBLE, INTEGER 0/1 or VARCHAR), NULL where missing; only for cells that passed <see cref="Bad"/>.</summary>
    public string Value(ColumnKind kind) => $"CASE WHEN {Missing} THEN NULL ELSE {kind switch
    {
        ColumnKind.Numeric or ColumnKind.NonNegative => Number,
        ColumnKind.Event => IsText
            ? $"CASE WHEN lower({Trimmed}) = 'true' THEN 1 WHEN lower({Trimmed}) = 'false' THEN 0 ELSE TRY_CAST({Number} AS INTEGER) END"
            : $"CAST({Sql} AS INTEGER)",
        _ => Level,
    }} END";

    // TRY_CAST throughout: SQL need not short-circuit, so a cast may see cells a check has refused.
    private string Number => IsText ? $"TRY_CAST({Trimmed} AS DOUBLE)" : $"CAST({Sql} AS DOUBLE)";

    private string NotNumber => IsText
        ? $"(NOT regexp_matches({Sql}, {Decimal}) OR NOT isfinite(TRY_CAST({Trimmed} AS DOUBLE)))"
        : IsBoolean ? "true" : IsFloat ? $"NOT isfinite({Sql})" : "false";

    /// <summary>A level as the memory engine spells it: trimmed text, a whole number without
    /// decimals, a boolean as TRUE/FALSE.</summary>
    private string Level => IsText
        ? Trimmed
        : IsBoolean ? $"CASE WHEN {Sql} THEN 'TRUE' ELSE 'FALSE' END"
        : IsFloat ? $"CASE WHEN {Sql} = trunc({Sql}) AND abs({Sql}) < 1e15 THEN CAST(CAST({Sql} AS BIGINT) AS VARCHAR) ELSE CAST({Sql} AS VARCHAR) END"
        : $"CAST({Sql} AS VARCHAR)";

    /// <summary>The cell as the equivalent CSV file would hold it (Pnen's Parquet reader's spelling:
    /// a whole number without decimals, a boolean as TRUE/FALSE); text as it is; NULL where missing.</summary>
    public string Text => IsText ? Sql : $"CASE WHEN {Missing} THEN NULL ELSE {Level} END";

    /// <summary>Why a flagged cell is bad, in the memory engine's words.</summary>
    public static string Problem(ColumnKind kind, string raw) => kind switch
    {
        ColumnKind.Event => "an event must be 0/1 or true/false",
        _ when ValueParser.TryParseFinite(raw, out var value) => value < 0 ? "a time must not be negative" : "not a number",
        _ => ValueParser.DescribeNotFinite(raw),
    };
}
