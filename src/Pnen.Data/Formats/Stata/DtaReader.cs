using System.Buffers.Binary;
using System.Text;

namespace Pnen.Data.Formats.Stata;

/// <summary>
/// Reads a Stata dataset (.dta, formats 117 to 119) whole, as Stata's "dta" file format
/// documentation describes it: numbers of every storage type, fixed strings and strLs, value
/// labels (a variable whose every value has a label reads as its labels), the missing values
/// <c>.</c> and <c>.a</c>-<c>.z</c> as missing (labelled or not), variable labels, and %td dates as
/// yyyy-MM-dd, %tc/%tC times as yyyy-MM-dd HH:mm:ss (%tC's leap seconds are not counted).
/// Other period formats (%tw, %tm, %tq, %th, %ty) stay numbers, as Stata stores them.
/// </summary>
internal static class DtaReader
{
    private const int StrL = 32768;
    private const int Double = 65526, Float = 65527, Long = 65528, Int = 65529, Byte = 65530;

    // %td counts days from 1 January 1960; %tc milliseconds from its midnight.
    private static readonly int StataEpoch = new DateOnly(1960, 1, 1).DayNumber;

    public static RecordTable Read(byte[] bytes, string file)
    {
        var cursor = new ByteCursor(bytes, file);
        var layout = Header(cursor, out var k, out var n);

        cursor.Expect("<map>", "the map");
        cursor.Skip(14 * 8, "the map");
        cursor.Expect("</map>", "the map");

        cursor.Expect("<variable_types>", "the variable types");
        var types = new int[k];
        for (var i = 0; i < k; i++)
        {
            types[i] = cursor.UInt16("a variable type");
            if (!(types[i] is >= 1 and <= 2045 or StrL or (>= Double and <= Byte)))
            {
                throw cursor.Fail($"is damaged: variable {i + 1} has the unknown type {types[i]}");
            }
        }
        cursor.Expect("</variable_types>", "the variable types");

        var names = Strings(cursor, "varnames", k, layout.NameBytes, layout, "a variable name");
        cursor.Expect("<sortlist>", "the sort list");
        cursor.Skip((k + 1L) * layout.SortEntryBytes, "the sort list");
        cursor.Expect("</sortlist>", "the sort list");
        var formats = Strings(cursor, "formats", k, layout.FormatBytes, layout, "a display format");
        var labelNames = Strings(cursor, "value_label_names", k, layout.NameBytes, layout, "a value label name");
        var labels = Strings(cursor, "variable_labels", k, layout.VariableLabelBytes, layout, "a variable label");

        cursor.Expect("<characteristics>", "the characteristics");
        while (cursor.TryExpect("<ch>"))
        {
            cursor.Skip(cursor.UInt32("a characteristic's length"), "a characteristic");
            cursor.Expect("</ch>", "a characteristic");
        }
        cursor.Expect("</characteristics>", "the characteristics");

        var widths = types.Select(t => Width(t)).ToArray();
        var recordWidth = widths.Sum(w => (long)w);
        cursor.Expect("<data>", "the data");
        var dataStart = cursor.Position;
        if (recordWidth > 0 && n > cursor.Remaining / recordWidth)
        {
            var complete = cursor.Remaining / recordWidth;
            throw new DataException(new DataError(file, complete + 1, null, null, $"the header promises {n} observations but the file ends inside this one (truncated?)"));
        }
        cursor.Skip(n * recordWidth, "the data");
        cursor.Expect("</data>", "the data");

        var strls = new Dictionary<(ulong, ulong), (byte Type, byte[] Bytes)>();
        cursor.Expect("<strls>", "the strLs");
        while (cursor.TryExpect("GSO"))
        {
            ulong v = cursor.UInt32("a strL's variable");
            var o = layout.Release == 117 ? cursor.UInt32("a strL's observation") : (ulong)cursor.Int64("a strL's observation");
            var type = cursor.Byte("a strL's type");
            var length = cursor.UInt32("a strL's length");
            strls[(v, o)] = (type, cursor.Take(length, "a strL").ToArray());
        }
        cursor.Expect("</strls>", "the strLs");

        var valueLabels = ValueLabels(cursor, layout);
        cursor.Expect("</stata_dta>", "the end of the file");

        var columns = new CellColumn[k];
        var offset = 0;
        for (var i = 0; i < k; i++)
        {
            var table = labelNames[i].Length > 0 && valueLabels.TryGetValue(labelNames[i], out var found) ? found : [];
            columns[i] = Column(bytes, dataStart, recordWidth, offset, (int)n, i, types[i], names[i], labels[i], formats[i], table, strls, layout, cursor);
            offset += widths[i];
        }
        return new RecordTable(file, columns, (int)n);
    }

    private static DtaLayout Header(ByteCursor cursor, out int k, out long n)
    {
        if (!cursor.TryExpect("<stata_dta><header><release>"))
        {
            var old = cursor.Length > 2 && cursor.Take(1, "the format byte")[0] is >= 0x66 and <= 0x73;
            throw cursor.Fail(old
                ? "is a Stata file of a format before Stata 13, which Pnen does not read: save it from Stata 13 or later (saveold ..., version(13)), or with haven::write_dta"
                : "is not a Stata dataset (it does not start with <stata_dta>)");
        }
        var release = Encoding.ASCII.GetString(cursor.Take(3, "the release"));
        if (release is not ("117" or "118" or "119"))
        {
            throw cursor.Fail($"is a Stata dataset of format {release}, which Pnen does not read (it reads 117, 118 and 119: Stata 13 to 18)");
        }
        var layout = new DtaLayout(int.Parse(release, System.Globalization.CultureInfo.InvariantCulture));
        cursor.Expect("</release><byteorder>", "the byte order");
        var order = Encoding.ASCII.GetString(cursor.Take(3, "the byte order"));
        if (order is not ("MSF" or "LSF")) throw cursor.Fail($"is damaged: the byte order is '{order}', neither MSF nor LSF");
        cursor.BigEndian = order == "MSF";
        cursor.Expect("</byteorder><K>", "the number of variables");
        k = layout.VariableCountBytes == 2 ? cursor.UInt16("the number of variables") : cursor.Int32("the number of variables");
        if (k < 0) throw cursor.Fail($"is damaged: it claims {k} variables");
        cursor.Expect("</K><N>", "the number of observations");
        n = layout.ObservationCountBytes == 4 ? cursor.UInt32("the number of observations") : cursor.Int64("the number of observations");
        if (n < 0 || n > Array.MaxLength) throw cursor.Fail($"claims {n} observations, more than Pnen can hold");
        cursor.Expect("</N><label>", "the dataset label");
        cursor.Skip(layout.LabelLengthBytes == 1 ? cursor.Byte("the label's length") : cursor.UInt16("the label's length"), "the dataset label");
        cursor.Expect("</label><timestamp>", "the time stamp");
        cursor.Skip(cursor.Byte("the time stamp's length"), "the time stamp");
        cursor.Expect("</timestamp></header>", "the header");
        return layout;
    }

    private static int Width(int type) => type switch
    {
        StrL => 8,
        Double => 8,
        Float => 4,
        Long => 4,
        Int => 2,
        Byte => 1,
        _ => type,
    };

    private static string[] Strings(ByteCursor cursor, string tag, int count, int width, DtaLayout layout, string what)
    {
        cursor.Expect("<" + tag + ">", what);
        var values = new string[count];
        for (var i = 0; i < count; i++) values[i] = Text(TextDecoding.UntilNul(cursor.Take(width, what)), layout) ?? throw cursor.Fail($"{what} is not valid text");
        cursor.Expect("</" + tag + ">", what);
        return values;
    }

    /// <summary>Stata 14+ text is UTF-8; Stata 13's is UTF-8 when it decodes as such (haven and modern
    /// Stata write it), else the Windows code page. Null when it is neither.</summary>
    private static string? Text(ReadOnlySpan<byte> bytes, DtaLayout layout)
    {
        if (TextDecoding.TryDecode(TextDecoding.Utf8, bytes, out var text)) return text;
        if (!layout.Utf8 && TextDecoding.TryDecode(TextDecoding.Windows1252, bytes, out text)) return text;
        return null;
    }

    // <value_labels>: one <lbl> per label set: its length, name, 3 bytes of padding, then n, the text's
    // length, n offsets, n values and the text (Stata's "value_label_table").
    private static Dictionary<string, List<(double Code, string Label)>> ValueLabels(ByteCursor cursor, DtaLayout layout)
    {
        var sets = new Dictionary<string, List<(double, string)>>(StringComparer.Ordinal);
        cursor.Expect("<value_labels>", "the value labels");
        while (cursor.TryExpect("<lbl>"))
        {
            var length = cursor.Int32("a value label table's length");
            var name = Text(TextDecoding.UntilNul(cursor.Take(layout.NameBytes, "a value label table's name")), layout) ?? "";
            cursor.Skip(3, "padding");
            var table = new ByteCursor(cursor.Take(length, "a value label table").ToArray(), cursor.File) { BigEndian = cursor.BigEndian };
            var count = table.Int32("the number of value labels");
            var textLength = table.Int32("the length of the value labels' text");
            if (count < 0 || textLength < 0 || 8L + 8L * count + textLength != length)
            {
                throw cursor.Fail($"is damaged: the value label table '{name}' does not add up");
            }
            var offsets = new int[count];
            for (var i = 0; i < count; i++) offsets[i] = table.Int32("a value label's offset");
            var values = new int[count];
            for (var i = 0; i < count; i++) values[i] = table.Int32("a labelled value");
            var text = table.Take(textLength, "the value labels' text");
            var set = new List<(double, string)>(count);
            for (var i = 0; i < count; i++)
            {
                if (offsets[i] < 0 || offsets[i] >= textLength) throw cursor.Fail($"is damaged: a label of the value label table '{name}' lies outside its text");
                var label = Text(TextDecoding.UntilNul(text[offsets[i]..]), layout) ?? throw cursor.Fail($"a label of the value label table '{name}' is not valid text");
                set.Add((values[i], label));
            }
            sets[name] = set;
            cursor.Expect("</lbl>", "a value label table");
        }
        cursor.Expect("</value_labels>", "the value labels");
        return sets;
    }

    private static CellColumn Column(
        byte[] bytes, int dataStart, long recordWidth, int offset, int n, int index, int type, string name, string label, string format,
        List<(double Code, string Label)> valueLabels, Dictionary<(ulong, ulong), (byte Type, byte[] Bytes)> strls, DtaLayout layout, ByteCursor cursor)
    {
        var variableLabel = label.Length == 0 ? null : label;
        if (type <= 2045 || type == StrL)
        {
            var texts = new string?[n];
            var interner = new ColumnAssembly.Interner();
            for (var row = 0; row < n; row++)
            {
                var field = bytes.AsSpan((int)(dataStart + row * recordWidth + offset), Width(type));
                var raw = type == StrL ? StrLBytes(field, strls, layout, cursor, row, name) : TextDecoding.UntilNul(field);
                if (raw.IsEmpty) continue;
                texts[row] = interner.Intern(Text(raw, layout)
                    ?? throw new DataException(new DataError(cursor.File, row + 1L, name, null, "the string is not valid UTF-8 text")));
            }
            return ColumnAssembly.Texts(name, variableLabel, texts, []);
        }

        var values = new double[n];
        for (var row = 0; row < n; row++)
        {
            var field = bytes.AsSpan((int)(dataStart + row * recordWidth + offset), Width(type));
            values[row] = Number(field, type, cursor.BigEndian);
        }
        var display = Display(format);
        if (display != NumberDisplay.Plain) ToCalendar(values, display, cursor.File, name);
        // Labels of .a-.z (stored beyond the valid range of a long) label missing values: left out.
        var labels = valueLabels.Where(l => l.Code <= 2147483620);
        return ColumnAssembly.Numbers(name, variableLabel, values, display, labels);
    }

    /// <summary>A stored number, or NaN for the missing values . and .a-.z (the top of each type's range).</summary>
    private static double Number(ReadOnlySpan<byte> field, int type, bool bigEndian)
    {
        switch (type)
        {
            case Byte:
                var b = (sbyte)field[0];
                return b > 100 ? double.NaN : b;
            case Int:
                var i = bigEndian ? BinaryPrimitives.ReadInt16BigEndian(field) : BinaryPrimitives.ReadInt16LittleEndian(field);
                return i > 32740 ? double.NaN : i;
            case Long:
                var l = bigEndian ? BinaryPrimitives.ReadInt32BigEndian(field) : BinaryPrimitives.ReadInt32LittleEndian(field);
                return l > 2147483620 ? double.NaN : l;
            case Float:
                var fb = bigEndian ? BinaryPrimitives.ReadInt32BigEndian(field) : BinaryPrimitives.ReadInt32LittleEndian(field);
                return fb >= 0x7f000000 ? double.NaN : BitConverter.Int32BitsToSingle(fb);
            default:
                var db = bigEndian ? BinaryPrimitives.ReadInt64BigEndian(field) : BinaryPrimitives.ReadInt64LittleEndian(field);
                return db >= 0x7fe0000000000000 ? double.NaN : BitConverter.Int64BitsToDouble(db);
        }
    }

    private static ReadOnlySpan<byte> StrLBytes(ReadOnlySpan<byte> field, Dictionary<(ulong, ulong), (byte Type, byte[] Bytes)> strls, DtaLayout layout, ByteCursor cursor, int row, string name)
    {
        var (v, o) = Split(field, layout.StrlVariableBytes, cursor.BigEndian);
        if (v == 0 && o == 0) return default;
        // Stata documents 3 + 5 bytes for format 119, and ReadStat (haven) writes 2 + 6 as in 118:
        // read either, whichever names a strL that is there.
        if (!strls.TryGetValue((v, o), out var strl) && !(layout.Release == 119 && strls.TryGetValue(Split(field, 2, cursor.BigEndian), out strl)))
        {
            throw new DataException(new DataError(cursor.File, row + 1L, name, null, "the strL this value refers to is not in the file (damaged?)"));
        }
        // Type 130 is text ending in a NUL; 129 is binary, read as text all the same.
        return strl.Type == 130 ? TextDecoding.UntilNul(strl.Bytes) : strl.Bytes;
    }

    private static (ulong V, ulong O) Split(ReadOnlySpan<byte> field, int vBytes, bool bigEndian)
    {
        ulong v = 0, o = 0;
        if (bigEndian)
        {
            for (var i = 0; i < vBytes; i++) v = (v << 8) | field[i];
            for (var i = vBytes; i < 8; i++) o = (o << 8) | field[i];
        }
        else
        {
            for (var i = vBytes - 1; i >= 0; i--) v = (v << 8) | field[i];
            for (var i = 7; i >= vBytes; i--) o = (o << 8) | field[i];
        }
        return (v, o);
    }

    private static NumberDisplay Display(string format)
    {
        var f = format.TrimStart('%').TrimStart('-');
        if (f.StartsWith("td", StringComparison.Ordinal) || (f.StartsWith('d') && !f.StartsWith("dc", StringComparison.Ordinal))) return NumberDisplay.Date;
        if (f.StartsWith("tc", StringComparison.Ordinal) || f.StartsWith("tC", StringComparison.Ordinal)) return NumberDisplay.DateTime;
        return NumberDisplay.Plain;
    }

    private static void ToCalendar(double[] values, NumberDisplay display, string file, string name)
    {
        for (var i = 0; i < values.Length; i++)
        {
            var value = values[i];
            if (double.IsNaN(value)) continue;
            var days = display == NumberDisplay.Date ? Math.Floor(value) : Math.Floor(value / 86_400_000);
            var day = days + StataEpoch;
            if (!(day >= DateOnly.MinValue.DayNumber && day <= DateOnly.MaxValue.DayNumber))
            {
                throw new DataException(new DataError(file, i + 1L, name, value.ToString("R", System.Globalization.CultureInfo.InvariantCulture), "not a date (Stata counts from 1 January 1960)"));
            }
            values[i] = display == NumberDisplay.Date ? day : value / 1000 + StataEpoch * 86400d;
        }
    }
}
