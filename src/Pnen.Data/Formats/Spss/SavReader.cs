namespace Pnen.Data.Formats.Spss;

/// <summary>
/// Reads an SPSS system file (.sav, .zsav) whole, as the PSPP developers' guide documents the
/// format: numbers and strings (very long ones too), value labels (a variable whose every value
/// has a label reads as its labels), user-missing values and the system-missing value as missing,
/// variable labels, and dates (DATE, ADATE, EDATE, SDATE, JDATE, MOYR, QYR, WKYR) as yyyy-MM-dd,
/// DATETIME and YMDHMS as yyyy-MM-dd HH:mm:ss. Durations (TIME, DTIME) stay seconds.
/// Written from the documentation; no code of PSPP or ReadStat is used.
/// </summary>
internal static class SavReader
{
    // Seconds since 14 October 1582, the start of the Gregorian calendar, are SPSS's dates.
    private static readonly int GregorianStart = new DateOnly(1582, 10, 14).DayNumber;

    public static RecordTable Read(byte[] bytes, string file)
    {
        var cursor = new ByteCursor(bytes, file);
        var header = SavHeader.Read(cursor);
        var records = SavRecords.Read(cursor);
        var (variables, stringSlots, encoding) = SavDictionary.Build(records, cursor);
        var sysmis = records.SystemMissing ?? -double.MaxValue;
        var cases = SavCases.Open(header, cursor, stringSlots, bytes);

        var builders = variables.Select(v => new Builder(v, encoding, file, cursor.BigEndian, sysmis)).ToArray();
        var slots = new byte[stringSlots.Length * 8];
        var rows = 0;
        while ((header.CaseCount < 0 || rows < header.CaseCount) && cases.Next(slots, rows + 1L))
        {
            if (rows == Array.MaxLength) throw cursor.Fail("has more cases than Pnen can hold");
            rows++;
            foreach (var builder in builders) builder.Add(slots, rows);
        }
        if (header.CaseCount >= 0 && rows < header.CaseCount)
        {
            throw new DataException(new DataError(file, rows + 1L, null, null, $"the header promises {header.CaseCount} cases but the data end after {rows} (truncated?)"));
        }
        return new RecordTable(file, builders.Select(b => b.Build(GregorianStart)).ToArray(), rows);
    }

    private sealed class Builder(SavVariable variable, System.Text.Encoding encoding, string file, bool bigEndian, double sysmis)
    {
        private readonly List<double> _numbers = [];
        private readonly List<string?> _texts = [];
        private readonly ColumnAssembly.Interner _interner = new();
        private byte[] _joined = [];

        public void Add(byte[] slots, long row)
        {
            if (!variable.IsString)
            {
                var value = SavDictionary.Number(slots.AsSpan(variable.Segments[0].Slot * 8, 8), bigEndian);
                _numbers.Add(value == sysmis || double.IsNaN(value) || variable.IsUserMissing(value) ? double.NaN : value);
                return;
            }
            var bytes = TextDecoding.TrimEndBlanks(Join(slots));
            if (bytes.IsEmpty || variable.IsUserMissing(bytes))
            {
                _texts.Add(null);
                return;
            }
            if (!TextDecoding.TryDecode(encoding, bytes, out var text))
            {
                throw new DataException(new DataError(file, row, variable.Name, null, $"the string is not valid {encoding.WebName} text"));
            }
            _texts.Add(_interner.Intern(text));
        }

        // A very long string packs 255 bytes of data into each segment but the last (PSPP, "Very Long String Record").
        private ReadOnlySpan<byte> Join(byte[] slots)
        {
            if (variable.Segments.Count == 1) return slots.AsSpan(variable.Segments[0].Slot * 8, variable.Width);
            if (_joined.Length == 0) _joined = new byte[variable.Segments.Count * 255];
            var length = 0;
            foreach (var (slot, width) in variable.Segments)
            {
                var take = Math.Min(width, 255);
                slots.AsSpan(slot * 8, take).CopyTo(_joined.AsSpan(length));
                length += take;
            }
            return _joined.AsSpan(0, Math.Min(length, variable.Width));
        }

        public CellColumn Build(int gregorianStart)
        {
            var label = variable.Label;
            if (variable.IsString)
            {
                var labels = variable.Labels
                    .Where(l => !variable.IsUserMissing(l.Text))
                    .Select(l => (Decode(l.Text, "a labelled value"), Decode(l.Label, "a value label")));
                return ColumnAssembly.Texts(variable.Name, label, _texts.ToArray(), labels);
            }
            var display = SpssFormats.Display(variable.FormatType);
            var values = _numbers.ToArray();
            if (display != NumberDisplay.Plain) ToCalendar(values, display, gregorianStart);
            var numberLabels = variable.Labels
                .Where(l => !double.IsNaN(l.Number) && l.Number != sysmis && !variable.IsUserMissing(l.Number))
                .Select(l => (l.Number, Decode(l.Label, "a value label")));
            return ColumnAssembly.Numbers(variable.Name, label, values, display, numberLabels);
        }

        private void ToCalendar(double[] values, NumberDisplay display, int gregorianStart)
        {
            for (var i = 0; i < values.Length; i++)
            {
                var seconds = values[i];
                if (double.IsNaN(seconds)) continue;
                var day = Math.Floor(seconds / 86400) + gregorianStart;
                if (!(day >= DateOnly.MinValue.DayNumber && day <= DateOnly.MaxValue.DayNumber))
                {
                    throw new DataException(new DataError(file, i + 1L, variable.Name, seconds.ToString("R", System.Globalization.CultureInfo.InvariantCulture),
                        "not a date SPSS can hold (seconds since 14 October 1582)"));
                }
                values[i] = display == NumberDisplay.Date ? day : seconds + gregorianStart * 86400d;
            }
        }

        private string Decode(byte[] bytes, string what) =>
            TextDecoding.TryDecode(encoding, bytes, out var text)
                ? text
                : throw new DataException(new DataError(file, null, variable.Name, null, $"{what} is not valid {encoding.WebName} text"));
    }
}
