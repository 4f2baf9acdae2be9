using System.Text;

namespace Cradle.Core.Uncertainty;

/// <summary>
/// Reproducible random draws for one parameter and one chunk of samples, derived from the run's seed, the
/// parameter's name and the chunk's index (SplitMix64 over those three). Draws therefore do not depend on how chunks
/// are spread over threads, and two alternatives that share a parameter name get the same draws for it (common random
/// numbers, so their difference is not blurred by independent noise).
/// </summary>
public sealed class RandomDraws
{
    // xoshiro256** state (Blackman & Vigna 2018), seeded by SplitMix64 as its authors recommend.
    private ulong _s0, _s1, _s2, _s3;

    /// <summary>The draws for <paramref name="parameter"/> in chunk <paramref name="chunk"/> of a run seeded <paramref name="seed"/>.</summary>
    public RandomDraws(ulong seed, string parameter, int chunk)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        (Seed, Parameter, Chunk) = (seed, parameter, chunk);
        var x = seed ^ SplitMix(StableHash(parameter)) ^ SplitMix((ulong)chunk + 0x9E3779B97F4A7C15UL);
        _s0 = SplitMix(x);
        _s1 = SplitMix(_s0);
        _s2 = SplitMix(_s1);
        _s3 = SplitMix(_s2);
    }

    /// <summary>The run's seed.</summary>
    public ulong Seed { get; }

    /// <summary>The parameter the draws are for.</summary>
    public string Parameter { get; }

    /// <summary>The chunk of samples the draws are for.</summary>
    public int Chunk { get; }

    /// <summary>A uniform double in [0, 1) with 53 random bits.</summary>
    public double NextDouble() => (Next() >> 11) * (1.0 / (1UL << 53));

    private ulong Next()
    {
        unchecked
        {
            var result = ulong.RotateLeft(_s1 * 5, 7) * 9;
            var t = _s1 << 17;
            _s2 ^= _s0;
            _s3 ^= _s1;
            _s1 ^= _s2;
            _s0 ^= _s3;
            _s2 ^= t;
            _s3 = ulong.RotateLeft(_s3, 45);
            return result;
        }
    }

    /// <summary>Fills <paramref name="target"/> with uniforms in (0, 1).</summary>
    public void Uniforms(Span<double> target)
    {
        for (var i = 0; i < target.Length; i++)
        {
            double u;
            do
            {
                u = NextDouble();
            }
            while (u <= 0);
            target[i] = u;
        }
    }

    /// <summary>Fills <paramref name="target"/> with standard normal draws (Box–Muller, in pairs).</summary>
    public void StandardNormals(Span<double> target)
    {
        for (var i = 0; i < target.Length; i += 2)
        {
            double u1;
            do
            {
                u1 = NextDouble();
            }
            while (u1 <= 0);
            var u2 = NextDouble();
            var radius = Math.Sqrt(-2 * Math.Log(u1));
            // One call for both (the C library's sincos: the same values as sin and cos apart, for about the cost of one).
            var (sin, cos) = Math.SinCos(2 * Math.PI * u2);
            target[i] = radius * cos;
            if (i + 1 < target.Length)
            {
                target[i + 1] = radius * sin;
            }
        }
    }

    /// <summary>FNV-1a over the UTF-8 bytes: stable across processes, unlike <see cref="string.GetHashCode()"/>.</summary>
    private static ulong StableHash(string text)
    {
        var hash = 14695981039346656037UL;
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            hash = unchecked((hash ^ b) * 1099511628211UL);
        }
        return hash;
    }

    private static ulong SplitMix(ulong x)
    {
        unchecked
        {
            x += 0x9E3779B97F4A7C15UL;
            x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
            x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
            return x ^ (x >> 31);
        }
    }
}
