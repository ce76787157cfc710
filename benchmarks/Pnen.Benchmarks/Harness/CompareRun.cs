using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Pnen.Benchmarks.Data;
using Pnen.Data;
using Pnen.Stats.Survival;
using Pnen.Stats.Survival.Cox;

namespace Pnen.Benchmarks.Harness;

/// <summary>
/// Pnen's side of compare-with-r.sh, in one warm process: load every column of the file, then
/// Kaplan-Meier and log-rank by group and the Efron Cox model on x1..x10, each the best of a few
/// runs after a first one that compiles the code. Prints the timings and coefficients as JSON.
/// </summary>
internal static class CompareRun
{
    public static int Run(string path, int reps, TextWriter output)
    {
        LoadedTable table = null!;
        var loadMs = Best(reps + 1, () => table = TableReader.Read(path, CohortFiles.AllColumns));

        var time = table.Get<NumericColumn>("time").Values;
        var status = Array.ConvertAll(table.Get<EventColumn>("status").Values, v => v == 1);
        var group = table.Get<CategoricalColumn>("group");
        var covariates = Enumerable.Range(0, SyntheticCohort.CovariateCount)
            .Select(i => (CoxCovariate)new NumericCovariate(SyntheticCohort.CovariateName(i), table.Get<NumericColumn>(SyntheticCohort.CovariateName(i)).Values))
            .ToArray();

        var kmMs = Best(reps + 1, () => KaplanMeier.FitGroups(time, status, group.Codes, group.Levels));
        var logrankMs = Best(reps + 1, () => LogRank.Test(time, status, group.Codes, group.Levels));
        CoxResult cox = null!;
        var coxMs = Best(reps + 1, () => cox = CoxRegression.Fit(time, status, covariates));

        var json = new Dictionary<string, object>
        {
            ["rows"] = table.RowCount,
            ["loadMs"] = loadMs,
            ["kmMs"] = kmMs,
            ["logrankMs"] = logrankMs,
            ["coxMs"] = coxMs,
            ["coef"] = cox.Terms.Select(t => t.Coefficient).ToArray(),
        };
        output.WriteLine(JsonSerializer.Serialize(json));
        return 0;
    }

    /// <summary>The best time of <paramref name="runs"/> runs, the first (compiling) one left out.</summary>
    private static double Best(int runs, Action action)
    {
        var best = double.MaxValue;
        for (var i = 0; i < runs; i++)
        {
            GC.Collect();
            var clock = Stopwatch.StartNew();
            action();
            clock.Stop();
            if (i > 0 || runs == 1) best = Math.Min(best, clock.Elapsed.TotalMilliseconds);
        }
        return Math.Round(best, 3);
    }
}
