namespace Pnen.Stats.Survival.Cox;

public static partial class CoxRegression
{
    /// <summary>
    /// The Cox model of rows streamed from <paramref name="source"/>, for data larger than memory
    /// (continuous covariates, where counts of identical rows would be as many as the rows): two
    /// passes find the events, the columns that do not vary (set aside, as in memory) and each
    /// column's centring and scaling (coxfit6's), then every Newton-Raphson step is one more pass
    /// (<see cref="CoxStreamingPass"/>), so memory is O(chunk + p²). The same fit as
    /// <see cref="Fit(ReadOnlySpan{double}, ReadOnlySpan{bool}, IReadOnlyList{CoxCovariate}, CoxOptions?, CoxStrata?)"/>
    /// on the rows, up to the order of floating-point sums. Right-censored rows without weights.
    /// </summary>
    /// <param name="stratified">The rows come from more than one stratum column level (the warnings say "or the stratum").</param>
    /// <param name="droppedRows">Rows the source left out for a missing covariate or stratum.</param>
    public static CoxResult FitStream(ICoxRowSource source, CoxOptions? options = null, bool stratified = false, int droppedRows = 0)
    {
        ArgumentNullException.ThrowIfNull(source);
        options ??= CoxOptions.Default;
        var columns = source.Columns;
        var width = columns.Count;

        // Pass one: rows, events, sums, and which columns vary or hold only -1/0/1.
        long rows = 0, events = 0;
        var sums = new double[width];
        var first = new double[width];
        var varies = new bool[width];
        var indicator = Enumerable.Repeat(true, width).ToArray();
        foreach (var chunk in source.Read())
        {
            for (var r = 0; r < chunk.Count; r++)
            {
                if (chunk.Status[r]) events++;
                for (var c = 0; c < width; c++)
                {
                    var v = chunk.X[r * width + c];
                    if (rows == 0) first[c] = v;
                    else if (v != first[c]) varies[c] = true;
                    sums[c] += v;
                    if (indicator[c] && v is not (0 or 1 or -1)) indicator[c] = false;
                }
                rows++;
            }
        }

        var warnings = new List<string>();
        var dropped = new List<CoxDroppedTerm>();
        var kept = new List<int>();
        for (var c = 0; c < width; c++)
        {
            if (rows > 0 && !varies[c])
            {
                var reason = CoxDesign.ConstantReason(columns[c].Level, first[c]);
                dropped.Add(new CoxDroppedTerm(columns[c].Variable, columns[c].Level, reason));
                warnings.Add($"{CoxDesign.Label(columns[c].Variable, columns[c].Level)} was dropped from the model: {reason}");
                continue;
            }
            kept.Add(c);
        }

        // Pass two: coxfit6's scale, n / Σ|x - mean|, of each centred column (not the -1/0/1 ones).
        var p = kept.Count;
        var means = new double[p];
        var scale = Enumerable.Repeat(1.0, p).ToArray();
        var centred = Enumerable.Range(0, p).Where(i => !indicator[kept[i]]).ToArray();
        if (rows > 0 && centred.Length > 0)
        {
            foreach (var i in centred) means[i] = sums[kept[i]] / rows;
            var absSums = new double[p];
            foreach (var chunk in source.Read())
            {
                for (var r = 0; r < chunk.Count; r++)
                {
                    foreach (var i in centred) absSums[i] += Math.Abs(chunk.X[r * width + kept[i]] - means[i]);
                }
            }
            foreach (var i in centred) scale[i] = absSums[i] > 0 ? rows / absSums[i] : 1.0;
        }

        var names = kept.Select(c => columns[c]).ToArray();
        var design = CoxDesign.Streamed(checked((int)rows), checked((int)events), names, dropped, droppedRows, warnings);
        var pass = new CoxStreamingPass(source, kept.ToArray(), means, scale, options.Ties == CoxTies.Efron);
        return FitDesign(design, options, stratified, d => new CoxNewtonRaphson(d, pass, means, scale), robust: null);
    }
}
