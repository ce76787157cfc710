namespace Pnen.Data.Formats.Spss;

/// <summary>One variable record (type 2) as stored: a numeric variable, the first slot of a string
/// variable, or a continuation slot (type -1) of a string wider than 8 bytes.</summary>
internal sealed record SavSlotRecord(int Type, byte[] ShortName, byte[]? Label, int MissingCount, byte[][] MissingValues, int PrintFormat);

/// <summary>A value label record (type 3) with the dictionary indexes of its variable record (type 4).</summary>
internal sealed record SavLabelSet(IReadOnlyList<(byte[] Value, byte[] Label)> Labels, int[] Indexes);

/// <summary>Every dictionary record of an SPSS system file, as bytes: text is decoded only once the
/// file's encoding is known, which the records after the variables say.</summary>
internal sealed class SavRecords
{
    public List<SavSlotRecord> Slots { get; } = [];

    public List<SavLabelSet> LabelSets { get; } = [];

    public byte[]? EncodingName { get; set; }

    public int? CodePage { get; set; }

    public double? SystemMissing { get; set; }

    public byte[]? LongNames { get; set; }

    public byte[]? VeryLongStrings { get; set; }

    public List<byte[]> LongStringLabels { get; } = [];

    public List<byte[]> LongStringMissing { get; } = [];

    /// <summary>Reads the records after the header up to and including the dictionary terminator (999).</summary>
    public static SavRecords Read(ByteCursor cursor)
    {
        var records = new SavRecords();
        while (true)
        {
            var at = cursor.Position;
            var type = cursor.Int32("a record type");
            switch (type)
            {
                case 2:
                    records.Slots.Add(ReadVariable(cursor));
                    break;
                case 3:
                    records.LabelSets.Add(ReadLabels(cursor));
                    break;
                case 4:
                    throw cursor.Fail($"is damaged: a value label variables record (type 4) at byte {at} follows no value labels");
                case 6:
                    var lines = cursor.Int32("the number of document lines");
                    cursor.Skip(lines * 80L, "the document lines");
                    break;
                case 7:
                    ReadExtension(cursor, records);
                    break;
                case 999:
                    cursor.Int32("the dictionary terminator");
                    return records;
                default:
                    throw cursor.Fail($"is damaged: unknown record type {type} at byte {at}");
            }
        }
    }

    private static SavSlotRecord ReadVariable(ByteCursor cursor)
    {
        var type = cursor.Int32("a variable's type");
        if (type is < -1 or > 255) throw cursor.Fail($"is damaged: a variable record has type {type} (expected -1 to 255)");
        var hasLabel = cursor.Int32("a variable's label flag");
        var missing = cursor.Int32("a variable's missing value count");
        var print = cursor.Int32("a variable's print format");
        cursor.Int32("a variable's write format");
        var name = cursor.Take(8, "a variable's name").ToArray();
        byte[]? label = null;
        if (hasLabel == 1)
        {
            var length = cursor.Int32("a variable label's length");
            label = cursor.Take(length, "a variable label").ToArray();
            cursor.Skip((4 - length % 4) % 4, "a variable label's padding");
        }
        else if (hasLabel != 0)
        {
            throw cursor.Fail($"is damaged: a variable's label flag is {hasLabel} (expected 0 or 1)");
        }
        if (missing is < -3 or > 3 or -1) throw cursor.Fail($"is damaged: a variable has missing value code {missing} (expected -3 to 3, not -1)");
        var values = new byte[Math.Abs(missing)][];
        for (var i = 0; i < values.Length; i++) values[i] = cursor.Take(8, "a missing value").ToArray();
        return new SavSlotRecord(type, name, label, missing, values, print);
    }

    private static SavLabelSet ReadLabels(ByteCursor cursor)
    {
        var count = cursor.Int32("the number of value labels");
        if (count < 0 || count > cursor.Remaining / 9) throw cursor.Fail($"is damaged: a value label record claims {count} labels");
        var labels = new List<(byte[], byte[])>(count);
        for (var i = 0; i < count; i++)
        {
            var value = cursor.Take(8, "a labelled value").ToArray();
            var length = cursor.Byte("a value label's length");
            var label = cursor.Take(length, "a value label").ToArray();
            cursor.Skip((8 - (length + 1) % 8) % 8, "a value label's padding");
            labels.Add((value, label));
        }
        var at = cursor.Position;
        if (cursor.Int32("the record after value labels") != 4)
        {
            throw cursor.Fail($"is damaged: the value labels are not followed by the variables they label (record type 4) at byte {at}");
        }
        var variables = cursor.Int32("the number of labelled variables");
        if (variables < 0 || variables > cursor.Remaining / 4) throw cursor.Fail($"is damaged: a value label variables record claims {variables} variables");
        var indexes = new int[variables];
        for (var i = 0; i < variables; i++) indexes[i] = cursor.Int32("a labelled variable's index");
        return new SavLabelSet(labels, indexes);
    }

    private static void ReadExtension(ByteCursor cursor, SavRecords records)
    {
        var at = cursor.Position;
        var subtype = cursor.Int32("an extension record's subtype");
        var size = cursor.Int32("an extension record's element size");
        var count = cursor.Int32("an extension record's element count");
        if (size < 0 || count < 0) throw cursor.Fail($"is damaged: extension record {subtype} at byte {at} has a negative size");
        var bytes = (long)size * count;
        var start = cursor.Position;
        var data = cursor.Take(bytes, $"extension record {subtype}");
        switch (subtype)
        {
            case 3 when size == 4 && count >= 8:
                cursor.Position = start + 7 * 4;
                records.CodePage = cursor.Int32("the character code");
                cursor.Position = start + (int)bytes;
                break;
            case 4 when size == 8 && count >= 1:
                cursor.Position = start;
                records.SystemMissing = cursor.Double("the system-missing value");
                cursor.Position = start + (int)bytes;
                break;
            case 13:
                records.LongNames = data.ToArray();
                break;
            case 14:
                records.VeryLongStrings = data.ToArray();
                break;
            case 20:
                records.EncodingName = data.ToArray();
                break;
            case 21:
                records.LongStringLabels.Add(data.ToArray());
                break;
            case 22:
                records.LongStringMissing.Add(data.ToArray());
                break;
        }
    }
}
