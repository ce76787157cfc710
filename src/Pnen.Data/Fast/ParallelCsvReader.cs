namespace Pnen.Data.Fast;

/// <summary>
/// The fast way to read requested columns of a large, well-formed CSV file: the file is mapped
/// into memory (<see cref="MappedFile"/>) and cut into
/// chunks at line ends, and the chunks are parsed on every core straight from UTF-8 bytes into
/// the final column arrays (a first pass counts the lines, so each chunk knows where its rows
/// go and nothing is copied afterwards). It accepts only what it can read exactly as the text
/// reader would (<see cref="CsvSource"/> with <see cref="TableReader"/>): plain or simply quoted
/// fields, \n or \r\n line ends, valid UTF-8, no NUL. Anything else (an escaped quote, a line
/// break inside quotes, a ragged row, a bad value) makes it decline, and the caller reads the file
/// the ordinary way, which then reports the problem with its file, row, column and value.
/// </summary>
internal static class ParallelCsvReader
{
    /// <summary>Below this many bytes of data the ordinary reader is fast enough; tests lower it.</summary>
    internal static long MinimumBytes { get; set; } = 1 << 20;

    /// <summary>Bytes of data per chunk, about; tests lower it to cut small files into many chunks.</summary>
    internal static long ChunkBytes { get; set; } = 4 << 20;

    private const int BlockBytes = 1 << 20;

    /// <summary>A chunk is one span: well below 2 GB.</summary>
    private const long MaxChunkBytes = 1 << 30;

    /// <summary>Reads the columns, or returns null (declined: read the file the ordinary way), or
    /// a null table with the Auto columns that met text (read them again as categorical).</summary>
    public static (LoadedTable? Table, HashSet<string>? NotNumeric) TryRead(string path, ColumnRequest[] requests, MissingValues missing)
    {
        // The header, the file's existence and encoding are checked by the ordinary reader: its
        // errors are the ones users see. Requested names are resolved there too.
        string displayName;
        IReadOnlyList<string> header;
        int[] ordinals;
        char delimiter;
        using (var source = CsvSource.Open(path))
        {
            displayName = source.DisplayName;
            header = source.Columns;
            ordinals = requests.Select(r => source.Ordinal(r.Name)).ToArray();
            delimiter = path.EndsWith(".tsv", StringComparison.OrdinalIgnoreCase) ? '\t' : ',';
        }

        var fields = new FieldReader(missing);
        if (!fields.Usable) return (null, null);

        if (new FileInfo(path).Length < MinimumBytes) return (null, null);
        using var file = MappedFile.TryOpen(path);
        if (file is null) return (null, null);
        var length = file.Length;
        var dataStart = HeaderEnd(file, header, (byte)delimiter);
        if (dataStart < 0 || length - dataStart < MinimumBytes) return (null, null);

        var chunks = Chunks(file, dataStart, length);
        if (chunks.Any(c => c.End - c.Start > MaxChunkBytes)) return (null, null); // lines of a gigabyte
        var lines = new long[chunks.Length];
        Parallel.For(0, chunks.Length, Options, c => lines[c] = CountLines(file.Slice(chunks[c].Start, (int)(chunks[c].End - chunks[c].Start)), c == chunks.Length - 1));
        var reserved = lines.Sum();
        if (reserved > Array.MaxLength) return (null, null);

        var columns = requests.Select(r => ColumnSink.Create(r, (int)reserved)).ToArray();
        var rowStart = new long[chunks.Length + 1];
        for (var c = 0; c < chunks.Length; c++) rowStart[c + 1] = rowStart[c] + lines[c];

        var parsers = new ChunkParser[chunks.Length];
        var declined = 0;
        Parallel.For(0, chunks.Length, Options, c =>
        {
            var parser = new ChunkParser(header.Count, (byte)delimiter, ordinals, columns, fields, (int)rowStart[c], (int)rowStart[c + 1], () => Volatile.Read(ref declined) != 0);
            parsers[c] = parser;
            if (!parser.Parse(file.Slice(chunks[c].Start, (int)(chunks[c].End - chunks[c].Start)))) Interlocked.Exchange(ref declined, 1);
        });
        if (declined != 0) return (null, null);

        var notNumeric = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < columns.Length; i++)
        {
            if (parsers.Any(p => p.TurnedText[i])) notNumeric.Add(requests[i].Name);
        }
        if (notNumeric.Count > 0) return (null, notNumeric);

        // Blank lines were reserved a row but are not records: close the gaps they left.
        var starts = Compact(columns, rowStart, parsers.Select(p => p.Rows).ToArray());
        var rows = starts[^1];
        var built = new Column[columns.Length];
        for (var i = 0; i < columns.Length; i++) built[i] = columns[i].Build(rows, parsers.Select(p => p.Levels[i]).ToArray(), starts);
        return (new LoadedTable(displayName, rows, built), null);
    }

    private static ParallelOptions Options => new() { MaxDegreeOfParallelism = Environment.ProcessorCount };

    /// <summary>Where the data starts: after the header line, which must be what the ordinary reader
    /// saw (same names). -1 when the header is anything unusual (quotes with escapes, a lone \r,
    /// a UTF-16 byte-order mark, a line longer than a block).</summary>
    private static long HeaderEnd(MappedFile file, IReadOnlyList<string> header, byte delimiter)
    {
        var head = file.Slice(0, (int)Math.Min(file.Length, BlockBytes));
        var skip = head.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? 3 : 0;
        var newline = head[skip..].IndexOf((byte)'\n');
        if (newline < 0) return -1;
        var line = head.Slice(skip, newline);
        if (line.EndsWith((byte)'\r')) line = line[..^1];
        var names = new List<string>();
        if (!LineSplitter.Split(line, delimiter, header.Count, (index, field) => names.Add(System.Text.Encoding.UTF8.GetString(field).Trim()))) return -1;
        if (!names.SequenceEqual(header, StringComparer.Ordinal)) return -1;
        return skip + newline + 1;
    }

    /// <summary>Chunks of about <see cref="ChunkBytes"/> (at most four a core, to share the work
    /// out evenly, and more when a chunk would pass <see cref="MaxChunkBytes"/>), each ending just
    /// after a line break.</summary>
    private static (long Start, long End)[] Chunks(MappedFile file, long start, long end)
    {
        var count = (int)Math.Clamp((end - start) / ChunkBytes, 1, Math.Max(4 * Environment.ProcessorCount, ChunkBytes < BlockBytes ? 64 : 1));
        count = (int)Math.Max(count, (end - start) / MaxChunkBytes + 1);
        var bounds = new List<long> { start };
        for (var c = 1; c < count; c++)
        {
            var at = start + (end - start) * c / count;
            if (at <= bounds[^1]) continue;
            while (at < end)
            {
                var probe = file.Slice(at, (int)Math.Min(64 * 1024, end - at));
                var newline = probe.IndexOf((byte)'\n');
                if (newline >= 0)
                {
                    at += newline + 1;
                    break;
                }
                at += probe.Length;
            }
            if (at < end && at > bounds[^1]) bounds.Add(at);
        }
        bounds.Add(end);
        var chunks = new (long, long)[bounds.Count - 1];
        for (var i = 0; i < chunks.Length; i++) chunks[i] = (bounds[i], bounds[i + 1]);
        return chunks;
    }

    /// <summary>Line breaks in the chunk, plus a last line without one at the end of the file.</summary>
    private static long CountLines(ReadOnlySpan<byte> chunk, bool last) =>
        chunk.Count((byte)'\n') + (last && chunk.Length > 0 && chunk[^1] != '\n' ? 1 : 0);

    /// <summary>Moves each chunk's rows down over the rows its blank lines did not use; returns
    /// where each chunk's rows now start, and (last) the number of rows.</summary>
    private static int[] Compact(ColumnSink[] columns, long[] rowStart, int[] rowsPerChunk)
    {
        var starts = new int[rowsPerChunk.Length + 1];
        for (var c = 0; c < rowsPerChunk.Length; c++)
        {
            if (starts[c] != rowStart[c])
            {
                foreach (var column in columns) column.Move((int)rowStart[c], starts[c], rowsPerChunk[c]);
            }
            starts[c + 1] = starts[c] + rowsPerChunk[c];
        }
        return starts;
    }
}
