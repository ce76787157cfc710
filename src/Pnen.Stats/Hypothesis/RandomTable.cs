namespace Pnen.Stats.Hypothesis;

/// <summary>
/// Random r × c tables with given margins, uniformly under the hypergeometric (independence) law:
/// Patefield's algorithm (AS 159, 1981) in the form of R's <c>rcont2</c>, consuming the uniform
/// stream in the same order so that simulated p-values agree with R's for the same seed.
/// </summary>
internal sealed class RandomTable
{
    private readonly int[] _rowTotals;
    private readonly int[] _columnTotals;
    private readonly int _total;
    private readonly double[] _logFactorial;
    private readonly int[] _columnWork;

    public RandomTable(int[] rowTotals, int[] columnTotals)
    {
        _rowTotals = rowTotals;
        _columnTotals = columnTotals;
        _total = rowTotals.Sum();
        if (columnTotals.Sum() != _total) throw new ArgumentException("row and column totals differ");
        // R builds this table as a running sum of logs; the acceptance test below compares
        // probabilities against uniforms, so the same rounding keeps the same tables.
        _logFactorial = new double[_total + 1];
        for (var i = 2; i <= _total; i++) _logFactorial[i] = _logFactorial[i - 1] + Math.Log(i);
        _columnWork = new int[columnTotals.Length];
    }

    /// <summary>log k! as R's simulation computes it (running sum of logs).</summary>
    public ReadOnlySpan<double> LogFactorial => _logFactorial;

    /// <summary>Fills <paramref name="matrix"/> (row-major, rows × columns) with a random table.</summary>
    public void Next(RCompatibleRandom random, Span<int> matrix)
    {
        int nrow = _rowTotals.Length, ncol = _columnTotals.Length;
        int lastRow = nrow - 1, lastColumn = ncol - 1;
        var fact = _logFactorial;
        var jwork = _columnWork;
        var ib = 0;
        for (var j = 0; j < lastColumn; j++) jwork[j] = _columnTotals[j];

        var jc = _total;
        for (var l = 0; l < lastRow; l++)
        {
            var ia = _rowTotals[l];
            var ic = jc;
            jc -= ia;
            var m = 0;
            for (; m < lastColumn; m++)
            {
                int id = jwork[m], ie = ic;
                ib = ie - ia;
                var ii = ib - id;
                ic -= id;
                if (ie == 0)
                {
                    // The rest of the row is already determined to be zero.
                    for (var j = m; j < lastColumn; j++) matrix[l * ncol + j] = 0;
                    ia = 0;
                    break;
                }

                var u = random.NextUniform();
                int nlm;
                while (true)
                {
                    // Start at the conditional mode and walk outwards until the cumulative
                    // probability passes u.
                    nlm = (int)(ia * (id / (double)ie) + 0.5);
                    var x = Math.Exp(fact[ia] + fact[ib] + fact[ic] + fact[id] - fact[ie] - fact[nlm]
                                     - fact[id - nlm] - fact[ia - nlm] - fact[ii + nlm]);
                    if (x >= u) break;
                    if (x == 0) throw new InvalidOperationException("random table generation underflowed");
                    double sumprb = x, y = x;
                    var nll = nlm;
                    var found = false;
                    bool lsp;
                    do
                    {
                        var jj = (id - nlm) * (double)(ia - nlm);
                        lsp = nlm == ia || nlm == id;
                        if (!lsp)
                        {
                            ++nlm;
                            x *= jj / ((double)nlm * (ii + nlm));
                            sumprb += x;
                            if (sumprb >= u) { found = true; break; }
                        }
                        bool lsm;
                        do
                        {
                            jj = nll * (double)(ii + nll);
                            lsm = nll == 0;
                            if (!lsm)
                            {
                                --nll;
                                y *= jj / ((double)(id - nll) * (ia - nll));
                                sumprb += y;
                                if (sumprb >= u) { nlm = nll; found = true; break; }
                                if (!lsp) break;
                            }
                        } while (!lsm);
                        if (found) break;
                    } while (!lsp);
                    if (found) break;
                    u = sumprb * random.NextUniform();
                }

                matrix[l * ncol + m] = nlm;
                ia -= nlm;
                jwork[m] -= nlm;
            }
            matrix[l * ncol + lastColumn] = ia;
        }

        for (var m = 0; m < lastColumn; m++) matrix[lastRow * ncol + m] = jwork[m];
        matrix[lastRow * ncol + lastColumn] = ib - matrix[lastRow * ncol + lastColumn - 1];
    }
}
