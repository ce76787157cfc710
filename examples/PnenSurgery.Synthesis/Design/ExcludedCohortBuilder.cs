using PnenSurgery.Synthesis.Cohort;
using PnenSurgery.Synthesis.Randomness;

namespace PnenSurgery.Synthesis.Design;

/// <summary>
/// The 65 recruited patients the flowchart excludes (51 + 12 + 1 + 1). The paper describes
/// nothing about them beyond the reason, so their characteristics are drawn patient by patient
/// with roughly the final cohort's proportions. Each is excluded by its own reason first: only
/// a metachronous patient may also have an unknown grade (two do, so that the order of the
/// exclusions matters, as in the paper's flowchart), and the later reasons never co-occur with
/// an earlier one.
/// </summary>
public static class ExcludedCohortBuilder
{
    public static IReadOnlyList<(Baseline Patient, ExclusionReason Reason)> Build(ulong seed)
    {
        var random = new Xoshiro256(seed, Streams.Excluded);
        var centres = new Xoshiro256(seed, Streams.Centre + 100);
        var result = new List<(Baseline, ExclusionReason)>();

        // Metachronous HM usually shows up after the primary was resected, hence mostly PR/PHR.
        var metachronousArms = Repeat((Arm.NR, 11), (Arm.PR, 28), (Arm.PHR, 12));
        random.Shuffle(metachronousArms);
        for (var i = 0; i < metachronousArms.Length; i++)
        {
            Grade? grade = i < 2 ? null : DrawGrade(random);
            result.Add((Draw(random, centres, metachronousArms[i], grade) with { Metachronous = true }, ExclusionReason.Metachronous));
        }

        // Unknown stage: mostly never resected (no specimen to grade).
        var unknownArms = Repeat((Arm.NR, 10), (Arm.PR, 2));
        foreach (var arm in unknownArms)
        {
            result.Add((Draw(random, centres, arm, null), ExclusionReason.UnknownStage));
        }

        // Hepatic resection without resection of the primary: the pancreas was not resected, so
        // the surgery column says NR and the flag says why the patient is out.
        result.Add((Draw(random, centres, Arm.NR, Grade.G2) with { HepaticWithoutPrimary = true, ExtrahepaticMets = false },
            ExclusionReason.HepaticWithoutPrimary));

        result.Add((Draw(random, centres, Arm.PHR, Grade.G2) with { PerioperativeDeath = true, ExtrahepaticMets = false },
            ExclusionReason.PerioperativeDeath));
        return result;
    }

    private static Baseline Draw(Xoshiro256 random, Xoshiro256 centres, Arm arm, Grade? grade)
    {
        var u = random.NextDouble();
        var location = u < 0.35 ? Location.HeadNeck : u < 0.98 ? Location.BodyTail : Location.Diffused;
        var extrahepatic = arm == Arm.NR && random.NextDouble() < 0.25;
        var primaryBand = location == Location.Diffused || random.NextDouble() < 0.05
            ? (DiameterBand?)null
            : random.NextDouble() < 0.43 ? DiameterBand.Over40 : DiameterBand.UpTo40;
        var hmOver40 = random.NextDouble() < 0.22;
        var hmBand = random.NextDouble() < 0.05 ? (DiameterBand?)null : hmOver40 ? DiameterBand.Over40 : DiameterBand.UpTo40;
        var resected = arm != Arm.NR;
        return new Baseline
        {
            Centre = CentreDraw.Next(centres),
            Sex = random.NextDouble() < 0.5 ? Sex.Male : Sex.Female,
            Age = ValueDraws.Age(random, random.NextDouble() < 0.27),
            HmDistribution = random.NextDouble() < (arm == Arm.PHR ? 0.15 : 0.04) ? HmDistribution.Unilobar : HmDistribution.Bilobar,
            ExtrahepaticMets = extrahepatic,
            Location = location,
            PrimaryDiameter = ValueDraws.PrimaryDiameter(random, primaryBand),
            HmDiameter = ValueDraws.HmDiameter(random, hmBand),
            HmOver40 = hmOver40,
            Grade = grade,
            Functioning = random.NextDouble() < 0.1,
            Men1Vhl = random.NextDouble() < 0.03,
            LymphNodeMets = !resected && random.NextDouble() < 0.65 ? null : random.NextDouble() < 0.7,
            Surgery = arm,
            Ssa = random.NextDouble() < 0.6,
            TargetedTherapy = random.NextDouble() < 0.25,
            Chemotherapy = random.NextDouble() < 0.35,
            Tace = random.NextDouble() < 0.38,
            Rfa = random.NextDouble() < 0.16,
            Metachronous = false,
            HepaticWithoutPrimary = false,
            PerioperativeDeath = false,
            EffectGroup = grade == Grade.NEC ? EffectGroup.Nec
                : extrahepatic || location == Location.Diffused ? EffectGroup.OtherPnet
                : location == Location.BodyTail ? EffectGroup.BodyTailPnet
                : EffectGroup.HeadNeckPnet,
        };
    }

    private static Grade DrawGrade(Xoshiro256 random)
    {
        var u = random.NextDouble();
        return u < 0.10 ? Grade.G1 : u < 0.75 ? Grade.G2 : u < 0.88 ? Grade.G3 : Grade.NEC;
    }

    private static Arm[] Repeat(params (Arm Arm, int Count)[] counts) =>
        counts.SelectMany(c => Enumerable.Repeat(c.Arm, c.Count)).ToArray();
}
