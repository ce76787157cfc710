namespace Pnen.Data.Tests;

/// <summary>Tests that change the fast reader's size thresholds run one at a time.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class FastReaderCollection
{
    public const string Name = "fast reader thresholds";
}
