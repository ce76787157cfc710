using PnenSurgery.Synthesis.Calibration;
using PnenSurgery.Synthesis.Cohort;
using PnenSurgery.Synthesis.Design;
using PnenSurgery.Synthesis.Randomness;
using PnenSurgery.Synthesis.Survival;

namespace PnenSurgery.Synthesis;

/// <summary>
/// The whole generator, from stored settings: the final cohort from the count tables, its
/// outcomes from the (calibrated) survival model, the 65 excluded patients, all 228 rows in a
/// seeded order with ids P001..P228. No survival statistics are computed here.
/// </summary>
public static class CohortGenerator
{
    public static IReadOnlyList<PatientRow> Generate() =>
        Generate(GeneratorSettings.Seed, GeneratorSettings.Shuffle, GeneratorSettings.Parameters);

    public static IReadOnlyList<PatientRow> Generate(ulong seed, int shuffle, SurvivalParameters parameters)
    {
        var final = FinalCohortBuilder.Build(seed, shuffle);
        var finalOutcomes = FinalOutcomes(seed, shuffle, parameters);

        var excluded = ExcludedCohortBuilder.Build(seed);
        var excludedDraws = SurvivalDraws.Create(seed, excluded.Count, streamOffset: 100);
        // The excluded are not part of the analysis: same model, no loss to follow-up.
        var excludedOutcomes = new OutcomeSimulator(excluded.Select(e => e.Patient).ToList(), excludedDraws)
            .Simulate(parameters, withLoss: false);
        for (var i = 0; i < excluded.Count; i++)
        {
            // Death from the operation itself, within days.
            if (excluded[i].Reason == ExclusionReason.PerioperativeDeath) excludedOutcomes[i] = new Outcome(0.3, true);
        }

        var everyone = final.Zip(finalOutcomes)
            .Concat(excluded.Select(e => e.Patient).Zip(excludedOutcomes))
            .ToArray();
        new Xoshiro256(seed, Streams.RowOrder).Shuffle(everyone);
        var surgeryTiming = new Xoshiro256(seed, Streams.SurgeryTiming);
        return everyone.Select((p, i) => new PatientRow($"P{i + 1:000}", p.First, p.Second, SurgeryTiming.Draw(p.First, p.Second, surgeryTiming))).ToList();
    }

    /// <summary>The final cohort's outcomes in builder order (the same for every shuffle, since
    /// the shuffle changes nothing the model uses).</summary>
    public static Outcome[] FinalOutcomes(ulong seed, int shuffle, SurvivalParameters parameters)
    {
        var final = FinalCohortBuilder.Build(seed, shuffle);
        return new OutcomeSimulator(final, SurvivalDraws.Create(seed, final.Count)).Simulate(parameters);
    }

    /// <summary>What the stored cohort shows, target by target (for the README and the console).</summary>
    public static CalibrationResult Measure() => SeedEvaluation.Measure(
        new CalibratedModel(GeneratorSettings.Seed, GeneratorSettings.Parameters,
            FinalOutcomes(GeneratorSettings.Seed, GeneratorSettings.Shuffle, GeneratorSettings.Parameters)),
        GeneratorSettings.Shuffle);
}
