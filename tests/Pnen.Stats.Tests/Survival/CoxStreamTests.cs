using Pnen.Stats.Survival;
using Pnen.Stats.Survival.Cox;
using Pnen.Stats.Tests.Support;

namespace Pnen.Stats.Tests.Survival;

/// <summary>
/// <see cref="CoxRegression.FitStream"/>: the Cox model from rows streamed in chunks (memory
/// O(chunk + p²)). On every "cox" case of r-reference.json (R 4.2.2, survival 3.5-3: continuous and
/// categorical covariates, strata, Efron and Breslow, a missing covariate) it gives coxph's values,
/// and the row-level fit's to 1e-9; chunks of 5 rows cut through tied times and strata.
/// </summary>
public class CoxStreamTests
{
    public static IEnumerable<object[]> Cases => ReferenceCases.OfKind("cox");

    [Theory]
    [MemberData(nameof(Cases))]
    public void StreamedRowsGiveCoxphsFit(string name)
    {
        var c = ReferenceCases.Named(name);
        var model = CoxModelCase.Load(c);
        var source = new ArraySource(model);

        var streamed = CoxRegression.FitStream(source, model.Options, model.Strata is not null, source.Dropped);

        CoxExpected.Fit(c, streamed, name);
        CoxExpected.Terms(c, streamed, name);
        AssertSameFit(model.Fit(), streamed);
    }

    [Fact]
    public void ConstantColumnsAreSetAsideAsInMemory()
    {
        double[] time = [5, 3, 3, 8, 1, 9, 4, 4, 6, 2];
        bool[] status = [true, true, false, true, true, false, true, true, false, true];
        var age = new NumericCovariate("age", [61.5, 70, 55.25, 48, 66, 59, 73, 52, 64.5, 58]);
        var flat = new NumericCovariate("flat", [2, 2, 2, 2, 2, 2, 2, 2, 2, 2]);
        var arm = new CategoricalCovariate("arm", [0, 1, 0, 1, 0, 1, 1, 0, 0, 1], ["a", "b", "c"], 0);
        var model = new CoxModelCase(time, status, [age, flat, arm], null, new CoxOptions());

        var streamed = CoxRegression.FitStream(new ArraySource(model), model.Options);

        AssertSameFit(model.Fit(), streamed);
        Assert.Equal(2, streamed.DroppedTerms.Count); // flat, arm=c
    }

    private static void AssertSameFit(CoxResult rows, CoxResult streamed)
    {
        Assert.Equal((rows.N, rows.Events, rows.Dropped, rows.Iterations, rows.Converged), (streamed.N, streamed.Events, streamed.Dropped, streamed.Iterations, streamed.Converged));
        Approx.Equal(rows.LogLikelihoodStart, streamed.LogLikelihoodStart, 1e-9, "loglik(0)");
        Approx.Equal(rows.LogLikelihoodEnd, streamed.LogLikelihoodEnd, 1e-9, "loglik");
        Approx.Equal(rows.Score?.ChiSquare, streamed.Score?.ChiSquare, 1e-9, "score test");
        Approx.Equal(rows.Wald?.ChiSquare, streamed.Wald?.ChiSquare, 1e-9, "Wald test");
        Assert.Equal(rows.Terms.Count, streamed.Terms.Count);
        for (var i = 0; i < rows.Terms.Count; i++)
        {
            Approx.Equal(rows.Terms[i].Coefficient, streamed.Terms[i].Coefficient, 1e-9, $"coef {i}");
            Approx.Equal(rows.Terms[i].StdErr, streamed.Terms[i].StdErr, 1e-9, $"se {i}");
        }
        Assert.Equal(rows.DroppedTerms, streamed.DroppedTerms);
        Assert.Equal(rows.Warnings, streamed.Warnings);
    }

    /// <summary>The complete rows of a case as a stream: times fixed (aeqSurv), indicators for
    /// categorical levels, ordered by stratum and latest time first, in chunks of five.</summary>
    private sealed class ArraySource : ICoxRowSource
    {
        private readonly int[] _stratum;
        private readonly double[] _time;
        private readonly bool[] _status;
        private readonly double[][] _x;

        public ArraySource(CoxModelCase model)
        {
            var n = model.Time.Length;
            var complete = Enumerable.Range(0, n).Where(i => model.Strata?.Codes[i] is not < 0 && model.Covariates.All(c => c switch
            {
                NumericCovariate num => !double.IsNaN(num.Values[i]),
                CategoricalCovariate cat => cat.Codes[i] >= 0,
                _ => true,
            })).ToArray();
            Dropped = n - complete.Length;
            Columns = model.Covariates.SelectMany(c => c is CategoricalCovariate cat
                ? cat.Levels.Select((l, k) => (k, l)).Where(p => p.k != cat.Reference).Select(p => (c.Name, (string?)p.l))
                : [(c.Name, (string?)null)]).ToArray();
            var fixedTimes = TimeFix.Apply(complete.Select(i => model.Time[i]).ToArray());
            var order = Enumerable.Range(0, complete.Length).OrderBy(k => model.Strata?.Codes[complete[k]] ?? 0).ThenByDescending(k => fixedTimes[k]).ToArray();
            _stratum = order.Select(k => model.Strata?.Codes[complete[k]] ?? 0).ToArray();
            _time = order.Select(k => fixedTimes[k]).ToArray();
            _status = order.Select(k => model.Status[complete[k]]).ToArray();
            _x = order.Select(k => model.Covariates.SelectMany(c => c is CategoricalCovariate cat
                ? Enumerable.Range(0, cat.Levels.Count).Where(l => l != cat.Reference).Select(l => cat.Codes[complete[k]] == l ? 1.0 : 0.0)
                : [((NumericCovariate)c).Values[complete[k]]]).ToArray()).ToArray();
        }

        public int Dropped { get; }

        public IReadOnlyList<(string Variable, string? Level)> Columns { get; }

        public IEnumerable<CoxRowChunk> Read()
        {
            for (var from = 0; from < _time.Length; from += 5)
            {
                var count = Math.Min(5, _time.Length - from);
                yield return new CoxRowChunk(count, _stratum[from..(from + count)], _time[from..(from + count)], _status[from..(from + count)],
                    _x[from..(from + count)].SelectMany(r => r).ToArray());
            }
        }
    }
}
