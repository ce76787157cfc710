using Pnen.Data.Fast;

namespace Pnen.Data.Tests;

/// <summary>
/// For tests of the fast reader on small files: lowers its size thresholds (every file is read
/// fast, cut into chunks of a few lines, so that line ends fall at chunk boundaries), gives a
/// temporary folder, and restores both afterwards. Such tests run one at a time
/// (<see cref="FastReaderCollection"/>).
/// </summary>
public abstract class FastReaderTestBase : IDisposable
{
    private readonly long _minimum = ParallelCsvReader.MinimumBytes;
    private readonly long _chunk = ParallelCsvReader.ChunkBytes;

    protected FastReaderTestBase(string prefix)
    {
        Folder = Directory.CreateTempSubdirectory(prefix).FullName;
        ParallelCsvReader.MinimumBytes = 0;
        ParallelCsvReader.ChunkBytes = 64;
    }

    protected string Folder { get; }

    public void Dispose()
    {
        ParallelCsvReader.MinimumBytes = _minimum;
        ParallelCsvReader.ChunkBytes = _chunk;
        Directory.Delete(Folder, recursive: true);
        GC.SuppressFinalize(this);
    }
}
