namespace Pnen.Stats.Survival;

/// <summary>
/// The infinitesimal jackknife (robust) standard error of a Kaplan-Meier curve, survfit's
/// variance with clusters or weights that are not whole numbers (survfitkm.c, type 1). R keeps
/// each cluster's influence I_k on S and at each event time updates all of them,
/// I_k ← I_k (1 - h) + g_k S₋ h / n - S₋ w_k,dead / n (g_k: the cluster's weight at risk,
/// h = d/n), then sums their squares: O(clusters × event times). Divided by S after the step,
/// the update is additive, r_k ← r_k + g_k c - w_k,dead / (n - d) with c = d / (n (n - d)), so
/// Σ r_k² is kept up to date from Σ g_k r_k and Σ g_k² (a cluster's r_k is brought up to date
/// only when its weight at risk changes or it has a death), and Var S = S² Σ r_k²: O(n + event
/// times) for the same numbers. Once S reaches 0 every influence is 0, as in R.
/// </summary>
internal static class KaplanMeierInfluence
{
    /// <returns>The standard error of S at each step of <paramref name="counts"/>.</returns>
    public static double[] StandardErrors(int[] rows, double[] stop, bool[] status, double[]? start, double[]? weights, int[]? cluster, StepCounts counts)
    {
        var state = new Influences(DenseClusters(rows, cluster, out var count), count);
        if (start is null)
        {
            foreach (var row in rows) state.Enter(row, weights?[row] ?? 1.0);
        }
        var byStart = start is null ? null : KaplanMeierCounting.SortedByStart(rows, start);
        var entering = 0;
        var person = 0;
        var km = 1.0;
        var variance = 0.0;
        var result = new double[counts.Times.Length];
        for (var i = 0; i < result.Length; i++)
        {
            var t = counts.Times[i];
            if (byStart is not null)
            {
                for (; entering < byStart.Length && start![byStart[entering]] < t; entering++)
                {
                    state.Enter(byStart[entering], weights?[byStart[entering]] ?? 1.0);
                }
            }

            var (n, d) = (counts.AtRisk[i], counts.Deaths[i]);
            var end = person;
            while (end < rows.Length && stop[rows[end]] == t) end++;
            if (counts.DeathRows[i] > 0 && d > 0 && km > 0)
            {
                if (n > d)
                {
                    state.Advance(d / (n * (n - d)));
                    for (var j = person; j < end; j++)
                    {
                        if (status[rows[j]]) state.Shift(rows[j], -(weights?[rows[j]] ?? 1.0) / (n - d));
                    }
                    km *= (n - d) / n;
                    variance = km * km * state.SumOfSquares;
                }
                else
                {
                    km = 0;
                    variance = 0;
                }
            }
            for (; person < end; person++) state.Leave(rows[person], weights?[rows[person]] ?? 1.0);
            result[i] = Math.Sqrt(Math.Max(variance, 0));
        }
        return result;
    }

    /// <summary>Cluster index of each row (an array over all rows; only the curve's are set): the
    /// codes renumbered within the curve, as survfitKM matches them per group; each row its own
    /// cluster without codes.</summary>
    private static int[] DenseClusters(int[] rows, int[]? cluster, out int count)
    {
        var byRow = new int[rows.Length == 0 ? 0 : rows.Max() + 1];
        count = 0;
        if (cluster is null)
        {
            foreach (var row in rows) byRow[row] = count++;
            return byRow;
        }
        var byCode = new Dictionary<int, int>();
        foreach (var row in rows)
        {
            if (!byCode.TryGetValue(cluster[row], out var c)) byCode[cluster[row]] = c = byCode.Count;
            byRow[row] = c;
        }
        count = byCode.Count;
        return byRow;
    }

    /// <summary>r_k = I_k / S for every cluster, held lazily: r_k is exact as of the cumulative
    /// increment it was last brought to, and grows by g_k per unit of increment since.</summary>
    private sealed class Influences(int[] clusterOf, int clusters)
    {
        private readonly double[] _atRisk = new double[clusters];
        private readonly int[] _rowsAtRisk = new int[clusters];
        private readonly double[] _r = new double[clusters];
        private readonly double[] _asOf = new double[clusters];
        private double _cumulative;
        private double _weightedSum;   // Σ g_k r_k
        private double _squaredWeights; // Σ g_k²

        public double SumOfSquares { get; private set; }

        /// <summary>Every cluster at risk gains g_k·c.</summary>
        public void Advance(double c)
        {
            SumOfSquares += 2 * c * _weightedSum + c * c * _squaredWeights;
            _weightedSum += c * _squaredWeights;
            _cumulative += c;
        }

        public void Shift(int row, double delta)
        {
            var k = clusterOf[row];
            var r = Current(k);
            SumOfSquares += (2 * r + delta) * delta;
            _r[k] = r + delta;
            _weightedSum += _atRisk[k] * delta;
        }

        public void Enter(int row, double weight) => Change(clusterOf[row], weight, +1);

        /// <summary>A cluster with no row left at risk has weight 0 exactly (no subtraction residue), as in R.</summary>
        public void Leave(int row, double weight) => Change(clusterOf[row], -weight, -1);

        private void Change(int k, double weight, int rows)
        {
            var r = Current(k);
            _weightedSum -= _atRisk[k] * r;
            _squaredWeights -= _atRisk[k] * _atRisk[k];
            _rowsAtRisk[k] += rows;
            _atRisk[k] = _rowsAtRisk[k] == 0 ? 0 : _atRisk[k] + weight;
            _weightedSum += _atRisk[k] * r;
            _squaredWeights += _atRisk[k] * _atRisk[k];
        }

        private double Current(int k)
        {
            var r = _r[k] + _atRisk[k] * (_cumulative - _asOf[k]);
            _r[k] = r;
            _asOf[k] = _cumulative;
            return r;
        }
    }
}
