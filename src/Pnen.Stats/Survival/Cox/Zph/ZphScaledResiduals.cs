using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Pnen.Stats.LinearAlgebra;

namespace Pnen.Stats.Survival.Cox.Zph;

/// <summary>
/// The scaled Schoenfeld residuals and their variance, as the end of R's <c>cox.zph</c>: the
/// residuals of a categorical term collapse to those of its linear predictor (weights β̂); each
/// stratum's residuals are multiplied by the inverse of the average information per event,
/// counting per pair of columns only the events of strata where both vary; then β̂ is added (1
/// for a collapsed term). A term constant within a stratum has no residual there (null).
/// </summary>
/// <remarks>
/// R 3.5-3 finds a stratum's events by counting them off in order, skipping strata where every
/// term is constant; a stratum with events but no varying term (a one-record stratum whose record
/// is an event) then shifts the rows after it. Here each event keeps its own stratum.
/// </remarks>
internal static class ZphScaledResiduals
{
    /// <param name="values">False for the structural gaps and the variance alone, without the residuals' values.</param>
    public static (ZphResidualColumn[] Residuals, double[]? Variance) Compute(ZphScorePass pass, CoxFittedRows rows, List<(string Variable, int[] Columns)> terms, bool values = true)
    {
        var p = rows.Columns;
        var q = 2 * p;
        var nterm = terms.Count;
        var strata = rows.StrataCount;

        // used[s][c]: the events of stratum s if column c varies there, else 0.
        var deaths = new int[strata];
        foreach (var s in pass.EventStratum) deaths[s]++;
        var used = new int[strata][];
        for (var s = 0; s < strata; s++)
        {
            used[s] = new int[p];
            for (var c = 0; c < p; c++) used[s][c] = rows.ConstantInStratum[s][c] ? 0 : deaths[s];
            foreach (var (_, columns) in terms)
            {
                // A factor's level absent from a stratum makes its column constant there, not the factor.
                if (columns.Length > 1 && columns.Any(c => used[s][c] == 0))
                {
                    var most = columns.Max(c => used[s][c]);
                    foreach (var c in columns) used[s][c] = most;
                }
            }
        }

        var vmean = new double[p * p];
        for (var i = 0; i < p; i++)
        {
            for (var j = 0; j < p; j++)
            {
                var weight = 0;
                for (var s = 0; s < strata; s++) weight += Math.Min(used[s][i], used[s][j]);
                vmean[i * p + j] = pass.Information[i * q + j] / (weight == 0 ? 1 : weight);
            }
        }

        // Collapse: T[c, term] = 1 for a one-column term, β̂_c for the columns of a factor.
        var collapse = new double[p * nterm];
        for (var k = 0; k < nterm; k++)
        {
            var columns = terms[k].Columns;
            foreach (var c in columns) collapse[c * nterm + k] = columns.Length == 1 ? 1 : rows.Beta[c];
        }
        var v = new double[nterm * nterm];
        for (var a = 0; a < nterm; a++)
        {
            for (var b = 0; b < nterm; b++)
            {
                var sum = 0.0;
                for (var i = 0; i < p; i++)
                {
                    for (var j = 0; j < p; j++) sum += collapse[i * nterm + a] * vmean[i * p + j] * collapse[j * nterm + b];
                }
                v[a * nterm + b] = sum;
            }
        }

        var events = pass.Events;
        var residuals = new ZphResidualColumn[nterm];
        for (var k = 0; k < nterm; k++) residuals[k] = new ZphResidualColumn(events, values);
        var collapsed = Collapsed.Of(terms, collapse, rows.Beta);
        var e0 = 0;
        while (e0 < events)
        {
            // The events of one stratum are contiguous (sorted by stratum, then time).
            var s = pass.EventStratum[e0];
            var e1 = e0;
            while (e1 < events && pass.EventStratum[e1] == s) e1++;
            var varying = Enumerable.Range(0, nterm).Where(k => used[s][terms[k].Columns[0]] > 0).ToArray();
            var m = varying.Length;
            var block = new double[m * m];
            for (var a = 0; a < m; a++)
            {
                for (var b = 0; b < m; b++) block[a * m + b] = v[varying[a] * nterm + varying[b]];
            }
            var inverse = m == 0 ? null : SymmetricSystem.Inverse(block, m);
            if (inverse is not null && values)
            {
                var scale = new EventScale(pass.Schoenfeld, p, collapsed, varying, inverse, residuals.Select(r => r.Values).ToArray());
                // Each event's residual is its own: a large stratum's events are scaled in two halves on two cores.
                TwoHalves.Run(e0, e1, ParallelEvents, scale.Apply);
            }
            for (var k = 0; k < nterm; k++)
            {
                if (inverse is null || !varying.Contains(k)) residuals[k].SetMissing(e0, e1);
            }
            e0 = e1;
        }
        return (residuals, SymmetricSystem.Inverse(v, nterm));
    }

    private const int ParallelEvents = 1 << 15;

    /// <summary>The collapse of the columns into terms, without its zeros: term k sums the columns
    /// Column[Start[k]..Start[k + 1]) with weights Weight (1 for a one-column term, β̂ for a
    /// factor's indicators), and adds Offset[k] (β̂ of a one-column term, 1 for a factor) once scaled.
    /// Leaving out the products with a zero weight changes no sum (they add ±0 to a sum that starts
    /// at +0), and a ten-column model's 100 products per event become 10.</summary>
    private sealed record Collapsed(int[] Start, int[] Column, double[] Weight, double[] Offset)
    {
        public static Collapsed Of(List<(string Variable, int[] Columns)> terms, double[] collapse, double[] beta)
        {
            var nterm = terms.Count;
            var start = new int[nterm + 1];
            var column = new List<int>();
            var weight = new List<double>();
            var offset = new double[nterm];
            for (var k = 0; k < nterm; k++)
            {
                var columns = terms[k].Columns;
                // In column order, as the full product summed them.
                foreach (var c in columns.Order())
                {
                    if (collapse[c * nterm + k] == 0) continue;
                    column.Add(c);
                    weight.Add(collapse[c * nterm + k]);
                }
                start[k + 1] = column.Count;
                offset[k] = columns.Length == 1 ? beta[columns[0]] : 1;
            }
            return new Collapsed(start, [.. column], [.. weight], offset);
        }
    }

    /// <summary>One stratum's scaling: the Schoenfeld residuals collapsed per term (raw), times the
    /// inverse of the varying terms' average information, plus β̂ (1 for a collapsed factor). The
    /// product runs a SIMD vector of output terms at a time over the inverse's columns: each output
    /// still sums inverse[a, b]·raw[b] over b in order from 0, the same numbers as one at a time.</summary>
    private sealed class EventScale
    {
        private static readonly int Width = Vector<double>.Count;
        private readonly double[] _schoenfeld;
        private readonly int _p;
        private readonly Collapsed _collapse;
        private readonly int[] _varying;
        private readonly double[][] _residuals;
        private readonly int _padded;
        private readonly double[] _columns; // column b of the inverse at b·_padded (a whole number of four vectors), zeros below row m

        public EventScale(double[] schoenfeld, int p, Collapsed collapse, int[] varying, double[] inverse, double[][] residuals)
        {
            (_schoenfeld, _p, _collapse, _varying, _residuals) = (schoenfeld, p, collapse, varying, residuals);
            var m = varying.Length;
            _padded = (m + 4 * Width - 1) / (4 * Width) * (4 * Width);
            _columns = new double[m * _padded];
            for (var a = 0; a < m; a++)
            {
                for (var b = 0; b < m; b++) _columns[b * _padded + a] = inverse[a * m + b];
            }
        }

        public void Apply(int from, int to)
        {
            var p = _p;
            var (start, column, weight, offset) = (_collapse.Start, _collapse.Column, _collapse.Weight, _collapse.Offset);
            var schoenfeld = _schoenfeld;
            var varying = _varying;
            var columns = _columns;
            var padded = _padded;
            var m = varying.Length;
            var raw = new double[m];
            var scaled = new double[padded];
            ref var columnStart = ref MemoryMarshal.GetArrayDataReference(columns);
            for (var e = from; e < to; e++)
            {
                var row = e * p;
                for (var b = 0; b < m; b++)
                {
                    var k = varying[b];
                    var sum = 0.0;
                    for (var j = start[k]; j < start[k + 1]; j++) sum += schoenfeld[row + column[j]] * weight[j];
                    raw[b] = sum;
                }
                // Four vectors of outputs at a time, their sums held in registers across the
                // inverse's columns (four independent chains of additions, not one).
                ref var rawStart = ref MemoryMarshal.GetArrayDataReference(raw);
                ref var scaledStart = ref MemoryMarshal.GetArrayDataReference(scaled);
                for (var a = 0; a < padded; a += 4 * Width)
                {
                    Vector<double> s0 = default, s1 = default, s2 = default, s3 = default;
                    for (var b = 0; b < m; b++)
                    {
                        var r = new Vector<double>(Unsafe.Add(ref rawStart, b));
                        var at = (nuint)(b * padded + a);
                        s0 += Vector.LoadUnsafe(ref columnStart, at) * r;
                        s1 += Vector.LoadUnsafe(ref columnStart, at + (nuint)Width) * r;
                        s2 += Vector.LoadUnsafe(ref columnStart, at + (nuint)(2 * Width)) * r;
                        s3 += Vector.LoadUnsafe(ref columnStart, at + (nuint)(3 * Width)) * r;
                    }
                    s0.StoreUnsafe(ref scaledStart, (nuint)a);
                    s1.StoreUnsafe(ref scaledStart, (nuint)(a + Width));
                    s2.StoreUnsafe(ref scaledStart, (nuint)(a + 2 * Width));
                    s3.StoreUnsafe(ref scaledStart, (nuint)(a + 3 * Width));
                }
                for (var a = 0; a < m; a++)
                {
                    var k = varying[a];
                    _residuals[k][e] = scaled[a] + offset[k];
                }
            }
        }
    }
}
