using Pnen.Dsl.Tests.Codebooks;
namespace Pnen.Dsl.Tests.Study;
public class WeightingScratch
{
    [Fact]
    public void Run()
    {
        var data = Codebook.Load<SyntheticPatient>(Path.Combine(AppContext.BaseDirectory, "TestData", "weighting", "pnen-synthetic.csv"));
        var r = SurgeryWeightingStudy.Plan.Execute(data);
        foreach (var c in new[] { r.Cohort }.Concat(r.Subgroups))
        {
            var w = c.Weighting!;
            Console.WriteLine($"{c.Name}: est {w.Estimated} n {w.N} dropped {w.Dropped}");
            foreach (var n in w.Notes) Console.WriteLine("  note " + n.Describe());
            foreach (var b in w.Balance) Console.WriteLine($"  {b.Label} {b.Level}: {b.Before} -> {b.After}");
            foreach (var e in w.HazardRatios) Console.WriteLine($"  HR {e.Level} {e.HazardRatio} {e.Lower} {e.Upper} {e.P} E {e.EValue?.Common.Point}");
            Console.WriteLine($"  rscore {w.RobustScore?.ChiSquare} {w.RobustScore?.P}");
            foreach (var a in w.Arms) Console.WriteLine($"  arm {a.Level} {a.N} {a.EffectiveSize} {a.Min} {a.Max}");
            var ac = c.AdjustedCurves!;
            Console.WriteLine($"  curves est {ac.Estimated} n {ac.N} reps {ac.Replicates}");
            foreach (var n in ac.Notes) Console.WriteLine("  note " + n.Describe());
            foreach (var l in ac.Levels) Console.WriteLine($"  {l.Level} rmst {l.Curve?.Rmst} diff {l.Rmst?.Estimate} [{l.Rmst?.Lower}, {l.Rmst?.Upper}]");
        }
    }
}
