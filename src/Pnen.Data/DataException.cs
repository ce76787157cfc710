namespace Pnen.Data;

/// <summary>
/// The input cannot be used as it is. Carries every error found (the first
/// <see cref="DataErrorCollector.Capacity"/> of them) and how many there were in all, so a user
/// can fix a file in one pass rather than one error per run.
/// </summary>
public sealed class DataException : Exception
{
    public DataException(DataError error)
        : this([error], 1)
    {
    }

    public DataException(IReadOnlyList<DataError> errors, long totalCount)
        : base(Describe(errors, totalCount))
    {
        if (errors.Count == 0) throw new ArgumentException("A data exception needs at least one error.", nameof(errors));
        Errors = errors;
        TotalCount = totalCount;
    }

    public IReadOnlyList<DataError> Errors { get; }

    public long TotalCount { get; }

    /// <summary>The first error, and how many more there are, on one line.</summary>
    public string OneLine => TotalCount > 1
        ? $"{Errors[0]} (and {TotalCount - 1} more error{(TotalCount == 2 ? "" : "s")})"
        : Errors[0].ToString();

    private static string Describe(IReadOnlyList<DataError> errors, long totalCount)
    {
        if (errors.Count == 0) return "invalid input";
        if (totalCount == 1) return errors[0].ToString();
        var lines = string.Join(Environment.NewLine, errors.Select(e => "  " + e));
        var more = totalCount > errors.Count ? $"{Environment.NewLine}  ... and {totalCount - errors.Count} more" : "";
        return $"{totalCount} errors in the input:{Environment.NewLine}{lines}{more}";
    }
}
