using PnenSurgery.Synthesis;
using PnenSurgery.Synthesis.Calibration;
using PnenSurgery.Synthesis.Output;

namespace Pnen.Synthesis.Tests;

public class DeterminismTests
{
    /// <summary>The committed file is exactly what the generator makes from its stored seed: the
    /// whole pipeline (count tables, calibration, excluded patients, row order) runs again.</summary>
    [Fact]
    public void Regenerating_from_the_stored_seed_gives_the_committed_bytes()
    {
        var regenerated = CohortCsv.Bytes(CohortGenerator.Generate());
        var committed = File.ReadAllBytes(CommittedCohort.Path);
        Assert.True(committed.SequenceEqual(regenerated),
            "the committed CSV differs from a fresh generation; run: dotnet run --project examples/PnenSurgery.Synthesis -- --out examples/PnenSurgery/Data/pnen-shm-synthetic.csv");
    }

    /// <summary>The stored survival parameters are what the calibration makes of the stored seed
    /// (it runs the engine's Cox fits many times). Loose tolerances: this checks provenance, and
    /// a future change to the engine's last digits should not fail it; a real drift will.</summary>
    [Fact]
    public void Calibrating_the_stored_seed_reproduces_the_stored_parameters()
    {
        var calibrated = new Calibrator(GeneratorSettings.Seed, GeneratorSettings.LateHazardRatio).Run().Parameters;
        var stored = GeneratorSettings.Parameters;
        for (var i = 0; i < stored.Beta.Length; i++)
        {
            Assert.True(Math.Abs(calibrated.Beta[i] - stored.Beta[i]) < 0.01, $"coefficient {i}: {calibrated.Beta[i]} vs stored {stored.Beta[i]}; re-run --calibrate");
        }
        Assert.InRange(calibrated.Scale / stored.Scale, 0.995, 1.005);
        Assert.InRange(calibrated.AccrualExponent / stored.AccrualExponent, 0.995, 1.005);
    }
}
