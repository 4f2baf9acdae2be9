using BenchmarkDotNet.Attributes;
using Cradle.Core.Sensitivity;
using MathNet.Numerics.Distributions;
using MathNet.Numerics.Random;

namespace Cradle.Benchmarks;

/// <summary>
/// Sobol indices at N = 4,096 base samples: the Ishigami function (k = 3, 20,480 model runs) and a 15-parameter
/// linear model (69,632 model runs). Without resamples the cost is the model runs and the per-sample terms; with 200
/// the difference is the bootstrap, which reuses the model outputs.
/// </summary>
[MemoryDiagnoser]
public class SobolBenchmarks
{
    private const int Samples = 4096;
    private const int LinearParameters = 15;
    private double[][] _ishigamiA = null!;
    private double[][] _ishigamiB = null!;
    private double[][] _linearA = null!;
    private double[][] _linearB = null!;
    private double[] _coefficients = null!;

    [Params(0, 200)]
    public int Bootstrap { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Xoshiro256StarStar(42);
        _ishigamiA = Matrix(3, column => ContinuousUniform.Samples(random, column, -Math.PI, Math.PI));
        _ishigamiB = Matrix(3, column => ContinuousUniform.Samples(random, column, -Math.PI, Math.PI));
        _linearA = Matrix(LinearParameters, column => Normal.Samples(random, column, 0, 1));
        _linearB = Matrix(LinearParameters, column => Normal.Samples(random, column, 0, 1));
        _coefficients = Enumerable.Range(1, LinearParameters).Select(i => (double)i).ToArray();
    }

    [Benchmark(Description = "Ishigami, k = 3")]
    public SobolResult Ishigami() => SobolAnalysis.Estimate(_ishigamiA, _ishigamiB, IshigamiModel, Bootstrap, seed: 1);

    [Benchmark(Description = "linear, k = 15")]
    public SobolResult Linear() => SobolAnalysis.Estimate(_linearA, _linearB, LinearModel, Bootstrap, seed: 1);

    private static double[][] IshigamiModel(double[][] x)
    {
        var y = new double[x[0].Length];
        for (var n = 0; n < y.Length; n++)
        {
            var sin1 = Math.Sin(x[0][n]);
            var sin2 = Math.Sin(x[1][n]);
            var x3Squared = x[2][n] * x[2][n];
            y[n] = sin1 + (7 * sin2 * sin2) + (0.1 * x3Squared * x3Squared * sin1);
        }
        return [y];
    }

    private double[][] LinearModel(double[][] x)
    {
        var y = new double[x[0].Length];
        for (var i = 0; i < x.Length; i++)
        {
            for (var n = 0; n < y.Length; n++)
            {
                y[n] += _coefficients[i] * x[i][n];
            }
        }
        return [y];
    }

    private static double[][] Matrix(int parameters, Action<double[]> fill)
    {
        var matrix = new double[parameters][];
        for (var i = 0; i < parameters; i++)
        {
            matrix[i] = new double[Samples];
            fill(matrix[i]);
        }
        return matrix;
    }
}
