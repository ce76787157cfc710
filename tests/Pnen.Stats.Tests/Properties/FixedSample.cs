using CsCheck;

namespace Pnen.Stats.Tests.Properties;

/// <summary>
/// CsCheck's generators on one fixed stream: the same inputs, in the same order, on every run and
/// machine (Sample's own threads and fresh seeds would vary them), so CI is deterministic. A failure
/// is replayed through Sample from the failing input's seed, which shrinks it and names the seed.
/// </summary>
internal static class FixedSample
{
    public static void Run<T>(Gen<T> gen, Action<T> assert, int iterations, ulong seed)
    {
        var pcg = new PCG(1, seed);
        for (var i = 0; i < iterations; i++)
        {
            var state = pcg.State;
            var value = gen.Generate(pcg, null, out _);
            try
            {
                assert(value);
            }
            catch (Exception)
            {
                gen.Sample(assert, seed: pcg.ToString(state), iter: 1, threads: 1);
                throw;
            }
        }
    }
}
