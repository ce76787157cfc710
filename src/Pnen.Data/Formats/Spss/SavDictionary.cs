using System.Text;

namespace Pnen.Data.Formats.Spss;

/// <summary>
/// Turns the dictionary records of an SPSS system file into variables: string slots joined, very
/// long strings joined from their segments, long names, labels and user-missing values attached,
/// all text decoded in the file's encoding (the character encoding record, else the code page of
/// the machine integer record). Layout as the PSPP developers' guide documents it.
/// </summary>
internal static class SavDictionary
{
    public static (IReadOnlyList<SavVariable> Variables, bool[] StringSlots, Encoding Encoding) Build(SavRecords records, ByteCursor cursor)
    {
        var encoding = EncodingOf(records, cursor);
        var text = (byte[] bytes, string what) => Decode(encoding, bytes, what, cursor);

        // Slots to variables: a string wider than 8 bytes owns the continuation slots after it.
        var firsts = new List<(int Slot, SavSlotRecord Record)>();
        for (var slot = 0; slot < records.Slots.Count; slot++)
        {
            var record = records.Slots[slot];
            if (record.Type == -1) throw cursor.Fail($"is damaged: variable slot {slot + 1} continues a string that is not there");
            var slots = record.Type == 0 ? 1 : (record.Type + 7) / 8;
            for (var k = 1; k < slots; k++)
            {
                if (slot + k >= records.Slots.Count || records.Slots[slot + k].Type != -1)
                {
                    throw cursor.Fail($"is damaged: the string variable in slot {slot + 1} lacks its continuation slots");
                }
            }
            firsts.Add((slot, record));
            slot += slots - 1;
        }
        if (firsts.Count == 0) throw cursor.Fail("has no variables");

        var shortNames = firsts.Select(f => text(TextDecoding.TrimEndBlanks(f.Record.ShortName).ToArray(), "a variable name").Trim()).ToArray();
        var longNames = Pairs(records.LongNames is null ? "" : text(records.LongNames, "the long variable names"), '\t');
        var veryLong = Pairs(records.VeryLongStrings is null ? "" : text(records.VeryLongStrings, "the very long string record"), '\t');

        var variables = new List<SavVariable>();
        var bySlot = new Dictionary<int, SavVariable>();
        for (var i = 0; i < firsts.Count; i++)
        {
            var (slot, record) = firsts[i];
            var shortName = shortNames[i];
            var width = record.Type;
            var segments = new List<(int, int)> { (slot, record.Type) };
            if (veryLong.TryGetValue(shortName, out var declared))
            {
                if (!int.TryParse(declared.TrimEnd('\0', ' '), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out width) || width < 256 || record.Type != 255)
                {
                    throw cursor.Fail($"is damaged: the very long string record gives variable {shortName} the width '{declared.TrimEnd('\0')}'");
                }
                var count = (width + 251) / 252;
                if (i + count > firsts.Count) throw cursor.Fail($"is damaged: the very long string {shortName} needs {count} segments; the file has fewer variables");
                for (var k = 1; k < count; k++)
                {
                    var segment = firsts[i + k].Record;
                    if (segment.Type <= 0) throw cursor.Fail($"is damaged: segment {k + 1} of the very long string {shortName} is not a string");
                    segments.Add((firsts[i + k].Slot, segment.Type));
                }
                i += count - 1;
            }
            var name = longNames.TryGetValue(shortName, out var longName) && longName.Length > 0 ? longName : shortName;
            var variable = new SavVariable
            {
                Name = name,
                Label = record.Label is null ? null : text(record.Label, $"the label of {name}"),
                Width = width,
                Segments = segments,
                FormatType = (record.PrintFormat >> 16) & 0xFF,
            };
            AddMissing(variable, record, cursor);
            variables.Add(variable);
            bySlot[slot] = variable;
        }

        foreach (var set in records.LabelSets) AttachLabels(set, bySlot, records.Slots.Count, cursor);
        foreach (var block in records.LongStringLabels) LongStringLabels(block, variables, encoding, cursor);
        foreach (var block in records.LongStringMissing) LongStringMissing(block, variables, encoding, cursor);

        var stringSlots = records.Slots.Select(s => s.Type != 0).ToArray();
        return (variables, stringSlots, encoding);
    }

    private static Encoding EncodingOf(SavRecords records, ByteCursor cursor)
    {
        if (records.EncodingName is { } raw)
        {
            var name = Encoding.ASCII.GetString(raw).TrimEnd('\0', ' ');
            return TextDecoding.ByName(name) ?? throw cursor.Fail($"uses the character encoding '{name}', which Pnen cannot decode: save it from SPSS in Unicode (UTF-8)");
        }
        if (records.CodePage is { } page)
        {
            return TextDecoding.ByCodePage(page) ?? throw cursor.Fail($"uses code page {page}, which Pnen cannot decode: save it from SPSS in Unicode (UTF-8)");
        }
        return TextDecoding.Windows1252; // files before SPSS 14 say nothing: they are in the Windows code page
    }

    private static string Decode(Encoding encoding, byte[] bytes, string what, ByteCursor cursor) =>
        TextDecoding.TryDecode(encoding, bytes, out var text)
            ? text
            : throw cursor.Fail($"{what} is not valid {encoding.WebName} text: the file is damaged or its encoding record is wrong");

    private static Dictionary<string, string> Pairs(string text, char separator)
    {
        var pairs = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var entry in text.Split(separator, StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = entry.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0) continue;
            pairs.TryAdd(entry[..equals].Trim('\0', ' '), entry[(equals + 1)..].TrimEnd('\0'));
        }
        return pairs;
    }

    private static void AddMissing(SavVariable variable, SavSlotRecord record, ByteCursor cursor)
    {
        var values = record.MissingValues;
        if (variable.IsString)
        {
            if (record.MissingCount < 0) throw cursor.Fail($"is damaged: the string variable {variable.Name} has a missing-value range");
            foreach (var value in values) variable.MissingStrings.Add(TextDecoding.TrimEndBlanks(value).ToArray());
            return;
        }
        var numbers = values.Select(v => Number(v, cursor.BigEndian)).ToArray();
        var discrete = 0;
        if (record.MissingCount < 0)
        {
            variable.MissingRange = (numbers[0], numbers[1]);
            discrete = 2;
        }
        for (var k = discrete; k < numbers.Length; k++) variable.MissingNumbers.Add(numbers[k]);
    }

    public static double Number(ReadOnlySpan<byte> bytes, bool bigEndian) => BitConverter.Int64BitsToDouble(bigEndian
        ? System.Buffers.Binary.BinaryPrimitives.ReadInt64BigEndian(bytes)
        : System.Buffers.Binary.BinaryPrimitives.ReadInt64LittleEndian(bytes));

    private static void AttachLabels(SavLabelSet set, Dictionary<int, SavVariable> bySlot, int slots, ByteCursor cursor)
    {
        foreach (var index in set.Indexes)
        {
            if (index < 1 || index > slots || !bySlot.TryGetValue(index - 1, out var variable))
            {
                throw cursor.Fail($"is damaged: value labels point at dictionary index {index}, which is no variable");
            }
            foreach (var (value, label) in set.Labels)
            {
                if (variable.IsString) variable.Labels.Add((double.NaN, TextDecoding.TrimEndBlanks(value).ToArray(), label));
                else variable.Labels.Add((Number(value, cursor.BigEndian), [], label));
            }
        }
    }

    // PSPP "Long String Value Labels Record": name, width, then (value, label) pairs, each with a 4-byte length.
    private static void LongStringLabels(byte[] block, List<SavVariable> variables, Encoding encoding, ByteCursor file)
    {
        var cursor = new ByteCursor(block, file.File) { BigEndian = file.BigEndian };
        while (cursor.Remaining > 0)
        {
            var name = Decode(encoding, cursor.Take(cursor.Int32("a long string label's variable name length"), "a long string label's variable name").ToArray(), "a variable name", file);
            cursor.Int32("a long string's width");
            var count = cursor.Int32("the number of long string labels");
            if (count < 0 || count > cursor.Remaining / 8) throw file.Fail($"is damaged: the long string value labels of {name} claim {count} labels");
            var variable = variables.FirstOrDefault(v => string.Equals(v.Name, name, StringComparison.OrdinalIgnoreCase) && v.IsString);
            for (var i = 0; i < count; i++)
            {
                var value = cursor.Take(cursor.Int32("a long string label's value length"), "a long string label's value").ToArray();
                var label = cursor.Take(cursor.Int32("a long string label's length"), "a long string label").ToArray();
                variable?.Labels.Add((double.NaN, TextDecoding.TrimEndBlanks(value).ToArray(), label));
            }
        }
    }

    // PSPP "Long String Missing Values Record": name, a one-byte count, a value length, the values.
    private static void LongStringMissing(byte[] block, List<SavVariable> variables, Encoding encoding, ByteCursor file)
    {
        var cursor = new ByteCursor(block, file.File) { BigEndian = file.BigEndian };
        while (cursor.Remaining > 0)
        {
            var name = Decode(encoding, cursor.Take(cursor.Int32("a long string missing value's variable name length"), "a long string missing value's variable name").ToArray(), "a variable name", file);
            var count = cursor.Byte("the number of long string missing values");
            var length = cursor.Int32("a long string missing value's length");
            var variable = variables.FirstOrDefault(v => string.Equals(v.Name, name, StringComparison.OrdinalIgnoreCase) && v.IsString);
            for (var i = 0; i < count; i++)
            {
                var value = cursor.Take(length, "a long string missing value");
                variable?.MissingStrings.Add(TextDecoding.TrimEndBlanks(value).ToArray());
            }
        }
    }
}
