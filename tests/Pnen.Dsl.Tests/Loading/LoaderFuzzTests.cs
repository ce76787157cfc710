using System.Text;
using Pnen.Data;
using Pnen.Data.Tests.Fuzz;
using Pnen.Dsl.Tests.Codebooks;
using Pnen.Dsl.Tests.Study;

namespace Pnen.Dsl.Tests.Loading;

/// <summary>
/// 3,000 inputs from rows of lung.csv (fixed seed; three in four mutated) through the generated LungPatient loader: each
/// loads records that keep the codebook's promises (finite, non-negative times, ages in the declared
/// range, a known sex) or is refused with a <see cref="DataException"/> naming the input; never
/// another exception, never a hang. Every tenth file that loads is also run through the lung study's
/// plan, which must give a result or a data error, nothing else.
/// </summary>
public sealed class LoaderFuzzTests
{
    public const int Inputs = 3_000;

    private static readonly string[] Lung = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "TestData", "lung.csv"));

    private static byte[] Rows(Random random)
    {
        var start = random.Next(1, Lung.Length);
        var count = random.Next(0, 40);
        var lines = Lung.Skip(start).Take(count).Prepend(Lung[0]);
        return Encoding.UTF8.GetBytes(string.Join(random.Next(3) == 0 ? "\r\n" : "\n", lines) + "\n");
    }

    [Fact]
    public void EveryInputLoadsValidRecordsOrIsCleanlyRefused()
    {
        var mutator = new CsvMutator(seed: 23, Rows);
        var inputs = new byte[Inputs][];
        // A quarter unmutated (the codebook loader refuses nearly any mutation), so the plan runs too.
        for (var i = 0; i < Inputs; i++) inputs[i] = i % 4 == 0 ? mutator.Valid() : mutator.Next();
        int loaded = 0, refused = 0;

        FuzzGuard.Run(Inputs, i =>
        {
            CodebookData<LungPatient> data;
            try
            {
                data = Codebook.Load<LungPatient>(new MemoryStream(inputs[i]), "lung-fuzz.csv");
            }
            catch (DataException e)
            {
                Assert.All(e.Errors, error => Assert.Equal("lung-fuzz.csv", error.File));
                refused++;
                return;
            }
            loaded++;
            Assert.All(data.Rows, r =>
            {
                Assert.True(double.IsFinite(r.Time) && r.Time >= 0, $"time {r.Time}");
                Assert.InRange(r.Age, 18, 100);
                Assert.True(Enum.IsDefined(r.Sex));
                if (r.WtLoss is { } w) Assert.True(double.IsFinite(w));
            });
            if (loaded % 10 == 0 && data.Count > 0)
            {
                var result = LungStudy.Plan.Execute(data, new StudyExecutionOptions { Parallel = false });
                Assert.Equal(data.Count, result.Flow.Recruited);
            }
        }, i => Convert.ToBase64String(inputs[i].AsSpan(0, Math.Min(inputs[i].Length, 4096))));

        Assert.True(loaded > Inputs / 5 && refused > Inputs / 2, $"{loaded} loaded, {refused} refused");
    }
}
