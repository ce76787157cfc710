using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text.Unicode;

namespace Pnen.Data.Fast;

/// <summary>
/// Parses one chunk of the file (whole lines) into the column arrays, starting at its first row.
/// Reads the chunk in blocks; checks each block is valid UTF-8 without NUL bytes, as the text
/// reader insists; returns false at the first thing it does not read exactly as the text reader
/// would, or as soon as another chunk has given up.
/// </summary>
internal sealed class ChunkParser
{
    private const int BlockBytes = 1 << 20;
    private const int MaxLineBytes = 1 << 27;

    private readonly int _columnCount;
    private readonly byte _delimiter;
    private readonly int[] _requestOfField; // per field of a line: which requested column, or -1
    private readonly ColumnSink[] _sinks;
    private readonly FieldReader _fields;
    private readonly int _firstRow;
    private readonly int _rowLimit;
    private readonly Func<bool> _cancelled;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>>?[] _levelIndex;
    private readonly Dictionary<ulong, int>?[] _shortLevels; // levels of up to 7 bytes, packed: no decoding, no string hashing
    private readonly char[] _scratch = new char[256];
    private readonly double[]?[] _numbers;   // per requested column: its array when numeric
    private readonly bool[] _nonNegative;    // per requested column: negative numbers are errors
    private readonly sbyte[]?[] _events;     // per requested column: its array when an event indicator written 0/1

    public ChunkParser(int columnCount, byte delimiter, int[] ordinals, ColumnSink[] sinks, FieldReader fields, int firstRow, int rowLimit, Func<bool> cancelled)
    {
        _columnCount = columnCount;
        _delimiter = delimiter;
        _requestOfField = new int[columnCount];
        Array.Fill(_requestOfField, -1);
        for (var i = 0; i < ordinals.Length; i++) _requestOfField[ordinals[i]] = i;
        _sinks = sinks;
        _fields = fields;
        _firstRow = firstRow;
        _rowLimit = rowLimit;
        _cancelled = cancelled;
        TurnedText = new bool[sinks.Length];
        Levels = new List<string>?[sinks.Length];
        _levelIndex = new Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>>?[sinks.Length];
        _shortLevels = new Dictionary<ulong, int>?[sinks.Length];
        _numbers = new double[]?[sinks.Length];
        _nonNegative = new bool[sinks.Length];
        _events = new sbyte[]?[sinks.Length];
        for (var i = 0; i < sinks.Length; i++)
        {
            // A missing token that reads as a number ("-99") must be seen before the number is parsed.
            if (!fields.NumberCanBeMissing) _numbers[i] = sinks[i].Numbers;
            _nonNegative[i] = sinks[i].Request.Kind == ColumnKind.NonNegative;
            if (fields.DigitsAreEvents) _events[i] = sinks[i].Events;
        }
        for (var i = 0; i < sinks.Length; i++)
        {
            if (sinks[i].Request.Kind != ColumnKind.Categorical) continue;
            Levels[i] = [];
            _levelIndex[i] = new Dictionary<string, int>(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
            _shortLevels[i] = [];
        }
    }

    /// <summary>Records read (blank lines are not records).</summary>
    public int Rows { get; private set; }

    /// <summary>Per requested column: an Auto column met text that is not a number.</summary>
    public bool[] TurnedText { get; }

    /// <summary>Per categorical column: this chunk's levels, indexed by the codes it wrote.</summary>
    public List<string>?[] Levels { get; }

    /// <summary>Parses the chunk (whole lines, the last maybe without its line break at the end of the
    /// file) in blocks of about <see cref="BlockBytes"/>, each of whole lines.</summary>
    public bool Parse(ReadOnlySpan<byte> chunk)
    {
        while (!chunk.IsEmpty)
        {
            if (_cancelled()) return false;
            var upTo = chunk.Length;
            if (chunk.Length > BlockBytes)
            {
                var lastBreak = chunk[..BlockBytes].LastIndexOf((byte)'\n');
                if (lastBreak < 0)
                {
                    // A line longer than a block: it ends at the next line break.
                    var next = chunk[BlockBytes..].IndexOf((byte)'\n');
                    lastBreak = next < 0 ? chunk.Length - 1 : BlockBytes + next;
                    if (lastBreak >= MaxLineBytes) return false;
                }
                upTo = lastBreak + 1;
            }

            var block = chunk[..upTo];
            chunk = chunk[upTo..];
            if (PlainBlock.IsPlain(block, _delimiter))
            {
                if (!ParsePlainBlock(block)) return false;
            }
            else
            {
                if (block.Contains((byte)0) || !Utf8.IsValid(block)) return false;
                if (!ParseLines(block)) return false;
            }
        }
        return true;
    }

    /// <summary>A block of <see cref="PlainBlock"/> lines, walked from separator to separator:
    /// the same rows, values and refusals as <see cref="ParseLines"/> gives it.</summary>
    private bool ParsePlainBlock(ReadOnlySpan<byte> block)
    {
        // The fields this loop reads, in locals: the JIT reloads fields after every call.
        var requestOfField = _requestOfField;
        var numbers = _numbers;
        var nonNegative = _nonNegative;
        var events = _events;
        var rowLimit = _rowLimit;
        var delimiter = _delimiter;
        var fieldStart = 0;
        var field = 0;
        var row = _firstRow + Rows;
        ref var origin = ref MemoryMarshal.GetReference(block);
        Span<byte> tail = stackalloc byte[PlainBlock.Window];
        for (var window = 0; window < block.Length; window += PlainBlock.Window)
        {
            ulong mask;
            if (block.Length - window >= PlainBlock.Window)
            {
                mask = PlainBlock.Separators(ref Unsafe.Add(ref origin, window), delimiter);
            }
            else
            {
                tail.Clear(); // zero bytes are no separators
                block[window..].CopyTo(tail);
                mask = PlainBlock.Separators(ref MemoryMarshal.GetReference(tail), delimiter);
            }
            while (mask != 0)
            {
                var at = window + BitOperations.TrailingZeroCount(mask);
                mask &= mask - 1;
                var separator = Unsafe.Add(ref origin, at);
                if (separator == '\r')
                {
                    // Part of a \r\n line end (taken off with the \n), or at the very end of the
                    // file; a carriage return anywhere else makes the line path decline too.
                    if (at + 1 < block.Length && Unsafe.Add(ref origin, at + 1) != '\n') return false;
                    continue;
                }
                var value = block[fieldStart..at];
                fieldStart = at + 1;
                if (separator == '\n')
                {
                    if (!EndLine(ref field, ref row, WithoutCarriageReturn(value))) return false;
                    continue;
                }
                if ((uint)field >= (uint)requestOfField.Length) return false; // more fields than the header
                var request = requestOfField[field++];
                if (request < 0) continue;
                if (row >= rowLimit || !StoreField(request, row, value, numbers, nonNegative, events)) return false;
            }
        }
        // The last line of the file without a line break (its last field may be empty: "1,2,").
        return (fieldStart == block.Length && field == 0) || EndLine(ref field, ref row, WithoutCarriageReturn(block[fieldStart..]));
    }

    private static ReadOnlySpan<byte> WithoutCarriageReturn(ReadOnlySpan<byte> last) =>
        last.Length > 0 && last[^1] == '\r' ? last[..^1] : last;

    /// <summary>The last field of a line; a blank line is skipped as <see cref="ParseLine"/> skips it.</summary>
    private bool EndLine(ref int field, ref int row, ReadOnlySpan<byte> last)
    {
        if (field == 0 && IsBlank(last)) return _columnCount > 1;
        if (row >= _rowLimit || !PlainField(field, row, last) || field + 1 != _columnCount) return false;
        field = 0;
        Rows++;
        row++;
        return true;
    }

    private bool PlainField(int field, int row, ReadOnlySpan<byte> value)
    {
        if (field >= _columnCount) return false;
        var request = _requestOfField[field];
        if (request < 0) return true;
        return row < _rowLimit && StoreField(request, row, value, _numbers, _nonNegative, _events);
    }

    /// <summary>One field of a plain block into its column: a number or a 0/1 event straight into
    /// the column's array, anything else through <see cref="Store"/>. The arrays come as arguments
    /// so that the separator walk passes the copies it keeps in locals.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool StoreField(int request, int row, ReadOnlySpan<byte> value, double[]?[] numbers, bool[] nonNegative, sbyte[]?[] events)
    {
        // The column's kind first: a branch on the value's sign would be mispredicted half the time.
        if (numbers[request] is { } target && DecimalParser.TryParse(value, out var number) && (!nonNegative[request] || number >= 0))
        {
            target[row] = number;
            return true;
        }
        if (events[request] is { } happened && value.Length == 1 && (uint)(value[0] - '0') <= 1)
        {
            happened[row] = (sbyte)(value[0] - '0');
            return true;
        }
        return Store(request, row, value, plain: true);
    }

    private bool ParseLines(ReadOnlySpan<byte> block)
    {
        while (!block.IsEmpty)
        {
            var newline = block.IndexOf((byte)'\n');
            var line = newline < 0 ? block : block[..newline];
            block = newline < 0 ? default : block[(newline + 1)..];
            if (line.EndsWith((byte)'\r')) line = line[..^1];
            if (!ParseLine(line)) return false;
        }
        return true;
    }

    private bool ParseLine(ReadOnlySpan<byte> line)
    {
        if (line.IndexOf(_delimiter) < 0 && IsBlank(line))
        {
            // The text reader skips a blank line when the file has several columns; with one
            // column it is an empty field, which is left to the text reader to decide.
            return _columnCount > 1;
        }
        var row = _firstRow + Rows;
        if (row >= _rowLimit) return false;

        var cursor = new FieldCursor(line, _delimiter);
        var plain = FieldReader.IsPlain(line); // one scan for the whole line rather than one a field
        var index = 0;
        while (cursor.Next(out var field))
        {
            if (index >= _columnCount) return false;
            var request = _requestOfField[index++];
            if (request >= 0 && !Store(request, row, field, plain)) return false;
        }
        if (cursor.Unusual || index != _columnCount) return false;
        Rows++;
        return true;
    }

    private bool Store(int request, int row, ReadOnlySpan<byte> field, bool plain)
    {
        var sink = _sinks[request];
        switch (sink.Request.Kind)
        {
            case ColumnKind.Event:
                if (!_fields.TryReadEvent(field, out var happened)) return false;
                sink.Events![row] = happened;
                return true;

            case ColumnKind.Categorical:
                ulong key = 0;
                if (plain)
                {
                    var trimmed = FieldReader.TrimSpaces(field);
                    if (trimmed.Length <= 7 && !_fields.IsMissing(trimmed))
                    {
                        for (var b = 0; b < trimmed.Length; b++) key |= (ulong)trimmed[b] << (8 * b);
                        key |= (ulong)trimmed.Length << 56; // "" and "\0" cannot meet: printable bytes only
                        if (_shortLevels[request]!.TryGetValue(key, out var known))
                        {
                            sink.Codes![row] = known;
                            return true;
                        }
                    }
                }
                if (!_fields.TryReadLevel(field, plain, _scratch, out var level))
                {
                    sink.Codes![row] = -1;
                    return true;
                }
                var lookup = _levelIndex[request]!.Value;
                if (!lookup.TryGetValue(level, out var code))
                {
                    var levels = Levels[request]!;
                    code = levels.Count;
                    var text = level.ToString();
                    levels.Add(text);
                    lookup.Dictionary[text] = code;
                }
                if (key != 0) _shortLevels[request]![key] = code;
                sink.Codes![row] = code;
                return true;

            default:
                var outcome = _fields.ReadNumber(field, plain, sink.Request.Kind == ColumnKind.NonNegative, out var value);
                if (outcome == FieldReader.Number.Failed) return false;
                if (outcome == FieldReader.Number.Text)
                {
                    if (sink.Request.Kind != ColumnKind.Auto) return false;
                    TurnedText[request] = true;
                }
                sink.Numbers![row] = value;
                return true;
        }
    }

    /// <summary>White space only, as char.IsWhiteSpace sees ASCII (a non-ASCII space makes it a record).</summary>
    private static bool IsBlank(ReadOnlySpan<byte> line)
    {
        foreach (var b in line)
        {
            if (b is not ((byte)' ' or (byte)'\t' or (byte)'\v' or (byte)'\f')) return false;
        }
        return true;
    }
}
