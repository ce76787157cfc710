namespace Pnen.Stats.Hypothesis;

/// <summary>
/// The Monte Carlo p-value of Fisher's test as R's <c>fisher.test(simulate.p.value = TRUE)</c>:
/// B random tables with the observed margins, p = (1 + #{tables with log-probability ≤ the
/// observed}) / (B + 1).
/// </summary>
internal static class FisherMonteCarlo
{
    // R's almost.1 = 1 + 64 · machine epsilon: the comparison allows for rounding.
    private const double AlmostOne = 1 + 64 * 2.220446049250313e-16;

    public static double PValue(ContingencyTable table, int replicates, int seed)
    {
        int rows = table.Rows, columns = table.Columns;
        var generator = new RandomTable([.. table.RowTotals], [.. table.ColumnTotals]);
        var logF = generator.LogFactorial;
        // As R: the observed statistic from log-gamma, the simulated ones from the running-sum table,
        // both summed column by column, so that tables tied with the observed one fall as in R.
        var observed = 0.0;
        for (var j = 0; j < columns; j++)
        for (var i = 0; i < rows; i++)
            observed -= Distributions.LogFactorial.Of(table[i, j]);
        var limit = observed / AlmostOne;

        var random = new RCompatibleRandom(seed);
        var matrix = new int[rows * columns];
        var asExtreme = 0;
        for (var b = 0; b < replicates; b++)
        {
            generator.Next(random, matrix);
            var statistic = 0.0;
            for (var j = 0; j < columns; j++)
            for (var i = 0; i < rows; i++)
                statistic -= logF[matrix[i * columns + j]];
            if (statistic <= limit) asExtreme++;
        }
        return (1.0 + asExtreme) / (replicates + 1.0);
    }
}
