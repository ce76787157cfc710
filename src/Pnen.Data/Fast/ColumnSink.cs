namespace Pnen.Data.Fast;

/// <summary>
/// The final array of one requested column, which every chunk writes its rows into directly.
/// Categorical columns hold each chunk's own level codes until <see cref="Build"/> merges the
/// chunks' levels and orders them as the text reader does (<see cref="LevelOrder"/>).
/// </summary>
internal sealed class ColumnSink
{
    private ColumnSink(ColumnRequest request, double[]? numbers, sbyte[]? events, int[]? codes)
    {
        Request = request;
        Numbers = numbers;
        Events = events;
        Codes = codes;
    }

    public ColumnRequest Request { get; }

    public double[]? Numbers { get; }

    public sbyte[]? Events { get; }

    public int[]? Codes { get; }

    public static ColumnSink Create(ColumnRequest request, int rows) => request.Kind switch
    {
        ColumnKind.Numeric or ColumnKind.NonNegative or ColumnKind.Auto => new ColumnSink(request, GC.AllocateUninitializedArray<double>(rows), null, null),
        ColumnKind.Event => new ColumnSink(request, null, GC.AllocateUninitializedArray<sbyte>(rows), null),
        ColumnKind.Categorical => new ColumnSink(request, null, null, GC.AllocateUninitializedArray<int>(rows)),
        _ => throw new ArgumentOutOfRangeException(nameof(request)),
    };

    /// <summary>Moves <paramref name="count"/> rows from <paramref name="from"/> down to <paramref name="to"/>.</summary>
    public void Move(int from, int to, int count)
    {
        if (Numbers is not null) Array.Copy(Numbers, from, Numbers, to, count);
        if (Events is not null) Array.Copy(Events, from, Events, to, count);
        if (Codes is not null) Array.Copy(Codes, from, Codes, to, count);
    }

    /// <param name="rows">Rows read in all.</param>
    /// <param name="chunkLevels">Each chunk's levels, by its own codes (categorical columns only).</param>
    /// <param name="chunkStart">Where each chunk's rows start, after compaction.</param>
    public Column Build(int rows, List<string>?[] chunkLevels, int[] chunkStart)
    {
        switch (Request.Kind)
        {
            case ColumnKind.Event:
                return new EventColumn(Request.Name, Fit(Events!, rows));
            case ColumnKind.Categorical:
                var all = new List<string>();
                var index = new Dictionary<string, int>(StringComparer.Ordinal);
                var local = new int[chunkLevels.Length][];
                for (var c = 0; c < chunkLevels.Length; c++)
                {
                    var levels = chunkLevels[c] ?? [];
                    local[c] = new int[levels.Count];
                    for (var l = 0; l < levels.Count; l++)
                    {
                        if (!index.TryGetValue(levels[l], out var global))
                        {
                            global = all.Count;
                            index[levels[l]] = global;
                            all.Add(levels[l]);
                        }
                        local[c][l] = global;
                    }
                }
                var (ordered, numeric, remap) = LevelOrder.Sort(all);
                var codes = Codes!;
                for (var c = 0; c < chunkLevels.Length; c++)
                {
                    var map = local[c];
                    for (var l = 0; l < map.Length; l++) map[l] = remap[map[l]];
                    for (var r = chunkStart[c]; r < chunkStart[c + 1]; r++)
                    {
                        if (codes[r] >= 0) codes[r] = map[codes[r]];
                    }
                }
                return new CategoricalColumn(Request.Name, Fit(codes, rows), ordered, numeric);
            default:
                return new NumericColumn(Request.Name, Fit(Numbers!, rows));
        }
    }

    // Only when blank lines were skipped is the reserved array longer than the rows.
    private static T[] Fit<T>(T[] values, int rows) => values.Length == rows ? values : values[..rows];
}
