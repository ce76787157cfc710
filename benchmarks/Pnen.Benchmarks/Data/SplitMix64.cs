namespace Pnen.Benchmarks.Data;

/// <summary>
/// A tiny, fully specified random generator (Steele, Lea and Flood's SplitMix64), so the synthetic
/// data are the same on every machine and runtime version, unlike System.Random whose algorithm
/// is an implementation detail.
/// </summary>
internal struct SplitMix64(ulong seed)
{
    private ulong _state = seed;

    public ulong Next()
    {
        var z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>Uniform on (0, 1): never exactly 0, so its logarithm is finite.</summary>
    public double Uniform() => ((Next() >> 11) + 0.5) * (1.0 / (1UL << 53));

    /// <summary>Standard normal by Box-Muller (one of the pair; simplicity over speed).</summary>
    public double Normal() => Math.Sqrt(-2 * Math.Log(Uniform())) * Math.Cos(2 * Math.PI * Uniform());
}
