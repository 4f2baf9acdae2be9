using MathNet.Numerics.Distributions;
using MathNet.Numerics.Random;

namespace Cradle.Core.Tests.Sensitivity;

/// <summary>Independent sample matrices A and B (m[i][n]: parameter i, sample n) drawn from one seeded generator.</summary>
internal static class SampleMatrices
{
    /// <summary>Each parameter uniform on [lower, upper].</summary>
    public static (double[][] A, double[][] B) Uniform(int parameters, int samples, double lower, double upper, int seed)
    {
        var random = new Xoshiro256StarStar(seed);
        return (Draw(parameters, samples, column => ContinuousUniform.Samples(random, column, lower, upper)),
                Draw(parameters, samples, column => ContinuousUniform.Samples(random, column, lower, upper)));
    }

    /// <summary>Parameter i normal with mean 0 and standard deviation <paramref name="sigmas"/>[i].</summary>
    public static (double[][] A, double[][] B) Normal(double[] sigmas, int samples, int seed)
    {
        var random = new Xoshiro256StarStar(seed);
        var i = 0;
        var a = Draw(sigmas.Length, samples, column => MathNet.Numerics.Distributions.Normal.Samples(random, column, 0, sigmas[i++]));
        i = 0;
        var b = Draw(sigmas.Length, samples, column => MathNet.Numerics.Distributions.Normal.Samples(random, column, 0, sigmas[i++]));
        return (a, b);
    }

    private static double[][] Draw(int parameters, int samples, Action<double[]> fill)
    {
        var matrix = new double[parameters][];
        for (var i = 0; i < parameters; i++)
        {
            matrix[i] = new double[samples];
            fill(matrix[i]);
        }
        return matrix;
    }
}
