using System.IO.MemoryMappedFiles;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Pnen.Data.Fast;

/// <summary>
/// A data file mapped read-only into memory, so that every core reads its chunk straight from the
/// page cache: no copy into buffers, and the line-counting pass and the parsing pass read the same
/// pages (as data.table's fread does). Slices are limited to <see cref="int.MaxValue"/> bytes;
/// <see cref="ParallelCsvReader"/> keeps its chunks below that.
/// </summary>
internal sealed unsafe class MappedFile : IDisposable
{
    private readonly MemoryMappedFile _file;
    private readonly MemoryMappedViewAccessor _view;
    private readonly byte* _start;

    private MappedFile(MemoryMappedFile file, MemoryMappedViewAccessor view, long length)
    {
        _file = file;
        _view = view;
        Length = length;
        byte* pointer = null;
        view.SafeMemoryMappedViewHandle.AcquirePointer(ref pointer);
        _start = pointer + view.PointerOffset;
    }

    public long Length { get; }

    /// <summary>The file mapped whole, or null when it cannot be (empty, not a regular file, no
    /// address space): the caller reads it the ordinary way.</summary>
    public static MappedFile? TryOpen(string path)
    {
        MemoryMappedFile? file = null;
        try
        {
            var length = new FileInfo(path).Length;
            if (length == 0) return null;
            file = MemoryMappedFile.CreateFromFile(path, FileMode.Open, null, 0, MemoryMappedFileAccess.Read);
            var view = file.CreateViewAccessor(0, length, MemoryMappedFileAccess.Read);
            return new MappedFile(file, view, length);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            file?.Dispose();
            return null;
        }
    }

    /// <summary>The bytes from <paramref name="start"/>, <paramref name="length"/> of them.</summary>
    public ReadOnlySpan<byte> Slice(long start, int length)
    {
        if (start < 0 || length < 0 || start + length > Length) throw new ArgumentOutOfRangeException(nameof(start));
        return new ReadOnlySpan<byte>(_start + start, length);
    }

    public void Dispose()
    {
        _view.SafeMemoryMappedViewHandle.ReleasePointer();
        _view.Dispose();
        _file.Dispose();
    }
}
