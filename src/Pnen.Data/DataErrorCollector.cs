namespace Pnen.Data;

/// <summary>Keeps the first errors and counts the rest, so a file with a million bad rows
/// still gives a short, useful report.</summary>
public sealed class DataErrorCollector
{
    public const int Capacity = 20;

    private readonly List<DataError> _errors = [];

    public long Count { get; private set; }

    public bool HasErrors => Count > 0;

    public void Add(DataError error)
    {
        Count++;
        if (_errors.Count < Capacity) _errors.Add(error);
    }

    /// <summary>Throws a <see cref="DataException"/> if anything was collected.</summary>
    public void ThrowIfAny()
    {
        if (Count > 0) throw new DataException(_errors.ToArray(), Count);
    }
}
