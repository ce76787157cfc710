namespace Pnen.Stats.Hypothesis;

/// <summary>
/// R's default uniform generator: Mersenne-Twister seeded as <c>set.seed(seed)</c> does (50 rounds of
/// the LCG 69069·s + 1 scramble the seed, which then fills the state), returning R's
/// <c>unif_rand()</c>. With it a simulated p-value here equals R's after the same <c>set.seed</c>.
/// </summary>
// Hand-written, not MathNet's MersenneTwister: R-exactness needs set.seed()'s seed scrambling and unif_rand()'s output, which MathNet seeds differently.
internal sealed class RCompatibleRandom
{
    private const int N = 624;
    private const int M = 397;
    private const uint MatrixA = 0x9908b0df;
    private const uint UpperMask = 0x80000000;
    private const uint LowerMask = 0x7fffffff;
    private const double TwoToMinus32 = 2.3283064365386963e-10;
    private const double InverseTwoTo32Minus1 = 2.328306437080797e-10;

    private readonly uint[] _state = new uint[N];
    private int _index;

    public RCompatibleRandom(int seed)
    {
        var s = unchecked((uint)seed);
        for (var j = 0; j < 50; j++) s = unchecked(69069 * s + 1);
        // R fills 625 words; the first is the position word it then resets to N ("initial" fix-up).
        s = unchecked(69069 * s + 1);
        for (var j = 0; j < N; j++)
        {
            s = unchecked(69069 * s + 1);
            _state[j] = s;
        }
        _index = N;
    }

    /// <summary>A uniform number in the open interval (0, 1), as R's <c>unif_rand()</c>.</summary>
    public double NextUniform()
    {
        var value = NextWord() * TwoToMinus32;
        // R's fixup(): never exactly 0 or 1.
        if (value <= 0) return 0.5 * InverseTwoTo32Minus1;
        if (1 - value <= 0) return 1 - 0.5 * InverseTwoTo32Minus1;
        return value;
    }

    private uint NextWord()
    {
        if (_index >= N) Twist();
        var y = _state[_index++];
        y ^= y >> 11;
        y ^= (y << 7) & 0x9d2c5680;
        y ^= (y << 15) & 0xefc60000;
        y ^= y >> 18;
        return y;
    }

    private void Twist()
    {
        int kk;
        for (kk = 0; kk < N - M; kk++)
        {
            var y = (_state[kk] & UpperMask) | (_state[kk + 1] & LowerMask);
            _state[kk] = _state[kk + M] ^ (y >> 1) ^ ((y & 1) * MatrixA);
        }
        for (; kk < N - 1; kk++)
        {
            var y = (_state[kk] & UpperMask) | (_state[kk + 1] & LowerMask);
            _state[kk] = _state[kk + (M - N)] ^ (y >> 1) ^ ((y & 1) * MatrixA);
        }
        var last = (_state[N - 1] & UpperMask) | (_state[0] & LowerMask);
        _state[N - 1] = _state[M - 1] ^ (last >> 1) ^ ((last & 1) * MatrixA);
        _index = 0;
    }
}
