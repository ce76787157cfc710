using System.Globalization;
using PnenSurgery.Synthesis;
using PnenSurgery.Synthesis.Calibration;
using PnenSurgery.Synthesis.Output;

// dotnet run --project examples/PnenSurgery.Synthesis -- --out examples/PnenSurgery/Data/pnen-shm-synthetic.csv
//   writes the committed CSV from GeneratorSettings and prints, on stderr, every published
//   survival number beside the synthetic one.
// --calibrate              re-run the calibration of the stored seed and print its settings
// --search FIRST COUNT     evaluate seeds FIRST..FIRST+COUNT-1, list the best, print its settings
// --late R                 late hazard ratio for --calibrate / --search (default: the stored one)
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

string? output = null;
var calibrate = false;
var late = GeneratorSettings.LateHazardRatio;
(ulong First, int Count)? search = null;
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--out": output = args[++i]; break;
        case "--calibrate": calibrate = true; break;
        case "--late": late = double.Parse(args[++i], CultureInfo.InvariantCulture); break;
        case "--search": search = (ulong.Parse(args[++i], CultureInfo.InvariantCulture), int.Parse(args[++i], CultureInfo.InvariantCulture)); break;
        default:
            Console.Error.WriteLine($"unknown argument '{args[i]}'. Usage: [--out FILE] | --calibrate [--late R] | --search FIRST COUNT [--late R]");
            return 2;
    }
}

if (search is { } range)
{
    var done = 0;
    var ranked = SeedSearch.Run(range.First, range.Count, late, _ =>
    {
        var n = Interlocked.Increment(ref done);
        if (n % 10 == 0) Console.Error.WriteLine($"{n}/{range.Count} seeds");
    });
    foreach (var r in ranked.Take(15)) Console.WriteLine($"seed {r.Seed}, shuffle {r.Shuffle}: score {r.Score:0.000}");
    Console.WriteLine();
    Console.WriteLine(CalibrationReport.Markdown(ranked[0]));
    Console.WriteLine(SettingsCode.Format(ranked[0]));
    return 0;
}

if (calibrate)
{
    var result = SeedEvaluation.Run(GeneratorSettings.Seed, late, GeneratorSettings.Shuffle);
    Console.WriteLine(CalibrationReport.Markdown(result));
    Console.WriteLine(SettingsCode.Format(result));
    return 0;
}

var rows = CohortGenerator.Generate();
if (output is not null)
{
    File.WriteAllBytes(output, CohortCsv.Bytes(rows));
    Console.Error.WriteLine($"wrote {rows.Count} rows to {output}");
}
else
{
    Console.Out.Write(CohortCsv.Write(rows));
}
Console.Error.WriteLine(CalibrationReport.Markdown(CohortGenerator.Measure()));
return 0;
