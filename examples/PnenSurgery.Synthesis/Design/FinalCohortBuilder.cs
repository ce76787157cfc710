using PnenSurgery.Synthesis.Cohort;
using PnenSurgery.Synthesis.Randomness;

namespace PnenSurgery.Synthesis.Design;

/// <summary>
/// Turns the count tables into 163 patients: within each cell, every variable's list of values
/// is shuffled independently and dealt out, so the counts are exact and the variables are
/// independent within a cell (all association between them comes from the cells).
/// The variables the survival model uses are dealt from the seed's own stream; the purely
/// descriptive ones (sex, location within the NEC and extrahepatic cells, HM distribution,
/// primary diameter, functioning, MEN1/VHL, lymph nodes, targeted therapy, TACE, RFA) from a
/// stream chosen by the shuffle index, so they can be re-dealt without changing the
/// survival model's input or the patients' order.
/// </summary>
public static class FinalCohortBuilder
{
    public static IReadOnlyList<Baseline> Build(ulong seed, int shuffle)
    {
        FinalCohortDesign.Validate();
        var model = new Xoshiro256(seed, Streams.Baseline);
        var descriptive = new Xoshiro256(seed, Streams.Descriptive(shuffle));
        var ages = new Xoshiro256(seed, Streams.Continuous);
        var hmValues = new Xoshiro256(seed, Streams.HmValues);
        var primaryValues = new Xoshiro256(seed, Streams.PrimaryValues(shuffle));
        var centres = new Xoshiro256(seed, Streams.Centre);
        var patients = new List<Baseline>();
        var cells = FinalCohortDesign.Cells;
        for (var c = 0; c < cells.Count; c++)
        {
            var cell = cells[c];
            var grade = Dealt(model, FinalCohortDesign.Grade, c);
            var old = Dealt(model, FinalCohortDesign.Age60OrOver, c);
            var hm = Dealt(model, FinalCohortDesign.HmDiameter, c);
            var ssa = Dealt(model, FinalCohortDesign.Ssa, c);
            var chemo = Dealt(model, FinalCohortDesign.Chemotherapy, c);

            var location = Dealt(descriptive, FinalCohortDesign.Location, c);
            var sex = Dealt(descriptive, FinalCohortDesign.Sex, c);
            var distribution = Dealt(descriptive, FinalCohortDesign.HmDistribution, c);
            var primary = Dealt(descriptive, FinalCohortDesign.PrimaryDiameter, c);
            var functioning = Dealt(descriptive, FinalCohortDesign.Functioning, c);
            var men1 = Dealt(descriptive, FinalCohortDesign.Men1Vhl, c);
            var nodes = Dealt(descriptive, FinalCohortDesign.LymphNodeMets, c);
            var targeted = Dealt(descriptive, FinalCohortDesign.TargetedTherapy, c);
            var tace = Dealt(descriptive, FinalCohortDesign.Tace, c);
            var rfa = Dealt(descriptive, FinalCohortDesign.Rfa, c);
            for (var i = 0; i < cell.Size; i++)
            {
                // An unrecorded HM diameter still has a true side of 40 mm for the survival model:
                // drawn with the cohort's share of large HM (34 of 155 recorded).
                var hmOver40 = hm[i] is { } band ? band == DiameterBand.Over40 : hmValues.NextDouble() < 34.0 / 155.0;
                patients.Add(new Baseline
                {
                    Centre = CentreDraw.Next(centres),
                    Sex = sex[i],
                    Age = ValueDraws.Age(ages, old[i]),
                    HmDistribution = distribution[i],
                    ExtrahepaticMets = cell.ExtrahepaticMets,
                    Location = location[i],
                    PrimaryDiameter = ValueDraws.PrimaryDiameter(primaryValues, primary[i]),
                    HmDiameter = ValueDraws.HmDiameter(hmValues, hm[i]),
                    HmOver40 = hmOver40,
                    Grade = grade[i],
                    Functioning = functioning[i],
                    Men1Vhl = men1[i],
                    LymphNodeMets = nodes[i],
                    Surgery = cell.Arm,
                    Ssa = ssa[i],
                    TargetedTherapy = targeted[i],
                    Chemotherapy = chemo[i],
                    Tace = tace[i],
                    Rfa = rfa[i],
                    Metachronous = false,
                    HepaticWithoutPrimary = false,
                    PerioperativeDeath = false,
                    EffectGroup = cell.EffectGroup,
                });
            }
        }
        return patients;
    }

    private static T[] Dealt<T>(Xoshiro256 random, LevelCounts<T> counts, int cell)
    {
        var values = counts.Expand(cell);
        random.Shuffle(values);
        return values;
    }
}
