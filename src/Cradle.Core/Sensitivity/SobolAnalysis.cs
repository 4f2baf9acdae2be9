using System.Collections.ObjectModel;
using System.Globalization;
using MathNet.Numerics.Random;

namespace Cradle.Core.Sensitivity;

/// <summary>
/// Variance-based global sensitivity analysis: Sobol first- and total-order indices of every model output, with
/// bootstrap confidence intervals. The caller samples the inputs (independent parameters) and supplies the model as
/// a function of parameter columns, so this stays plain arithmetic on arrays.
/// </summary>
public static class SobolAnalysis
{
    /// <summary>
    /// Estimates the Sobol indices of each model output from two independent sample matrices.
    /// </summary>
    /// <remarks>
    /// <para>
    /// The model is evaluated k + 2 times, N(k + 2) model runs in all: at A, at B, and at AB_i (A with column i taken
    /// from B) for each parameter i, in that order. With V the variance of f(A) and f(B) pooled (divided by 2N):
    /// first order S_i = mean(f(B)·(f(AB_i) − f(A))) / V (Saltelli et al. 2010) and total order
    /// ST_i = mean((f(A) − f(AB_i))²) / (2V) (Jansen 1999). f(B) in S_i is taken relative to the pooled mean of f(A)
    /// and f(B): the same estimator in expectation, and one whose noise does not grow with the output's mean.
    /// </para>
    /// <para>
    /// The intervals come from resampling the N sample indices with replacement <paramref name="bootstrapResamples"/>
    /// times and reporting the 2.5th and 97.5th percentiles of each index; resamples reuse the model outputs.
    /// An output whose values are all equal (zero variance) gets <see cref="double.NaN"/> indices and intervals; a
    /// non-finite model output makes the indices it enters NaN as well.
    /// </para>
    /// </remarks>
    /// <param name="a">First sample matrix, a[i][n]: parameter i (k ≥ 1 of them), sample n (N ≥ 2 of them).</param>
    /// <param name="b">Second sample matrix, independent of <paramref name="a"/>, with the same shape.</param>
    /// <param name="model">
    /// Given k parameter columns of length N, returns m ≥ 1 output columns of length N (for example one per impact
    /// category), the same m on every call. It must not modify the columns it is given: they are the arrays of
    /// <paramref name="a"/> and <paramref name="b"/>. It may reuse its output arrays between calls.
    /// </param>
    /// <param name="bootstrapResamples">Number of bootstrap resamples, ≥ 0; 0 skips the bootstrap and leaves NaN intervals.</param>
    /// <param name="seed">
    /// Seeds the resampling: the same inputs and seed give the same intervals. Folded to 32 bits (high word XOR low
    /// word) for MathNet's <see cref="Xoshiro256StarStar"/>. The point estimates do not depend on it.
    /// </param>
    /// <returns>One <see cref="SobolOutput"/> per model output, in the model's order.</returns>
    /// <exception cref="ArgumentException">
    /// An argument is null or has the wrong shape, or the model returned columns of the wrong number or length;
    /// <see cref="ArgumentException.ParamName"/> names the argument.
    /// </exception>
    public static SobolResult Estimate(
        double[][] a, double[][] b, Func<double[][], double[][]> model, int bootstrapResamples, ulong seed)
    {
        var (parameters, samples) = Validate(a, b, model, bootstrapResamples);
        return Summarise(RunModel(a, b, model, parameters, samples), parameters, samples, bootstrapResamples, seed, maxThreads: 1);
    }

    /// <summary>
    /// Estimates the Sobol indices from model runs the caller has made: the same estimates and intervals as
    /// <see cref="Estimate"/> gives for a model with these outputs, the bootstrap spread over
    /// <paramref name="maxThreads"/> threads with the same result at any number of them.
    /// </summary>
    /// <param name="fA">The outputs at A, fA[j][n]: output j (m ≥ 1 of them), sample n (N ≥ 2 of them).</param>
    /// <param name="fB">The outputs at B, with the same shape.</param>
    /// <param name="parameters">k ≥ 1, the number of parameters.</param>
    /// <param name="fAB">
    /// The outputs at AB_i (A with column i taken from B), for i from 0 to k − 1, each called once and in turn, with
    /// the shape of <paramref name="fA"/>; the arrays are not kept.
    /// </param>
    /// <param name="bootstrapResamples">Number of bootstrap resamples, ≥ 0.</param>
    /// <param name="seed">Seeds the resampling, as for <see cref="Estimate"/>.</param>
    /// <param name="maxThreads">Threads for the bootstrap, ≥ 1.</param>
    /// <exception cref="ArgumentException">An argument is null or has the wrong shape.</exception>
    public static SobolResult FromRuns(
        double[][] fA, double[][] fB, int parameters, Func<int, double[][]> fAB, int bootstrapResamples, ulong seed, int maxThreads)
    {
        ArgumentNullException.ThrowIfNull(fA);
        ArgumentNullException.ThrowIfNull(fB);
        ArgumentNullException.ThrowIfNull(fAB);
        ArgumentOutOfRangeException.ThrowIfLessThan(parameters, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(bootstrapResamples);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxThreads, 1);
        var samples = fA.Length == 0 ? 0 : fA[0]?.Length ?? 0;
        if (fA.Length == 0 || samples < 2)
        {
            throw new ArgumentException("fA needs at least one output of at least 2 samples.", nameof(fA));
        }
        var estimators = new SobolEstimator[fA.Length];
        for (var j = 0; j < estimators.Length; j++)
        {
            estimators[j] = new SobolEstimator(Column(fA, j, samples, nameof(fA)), Column(fB, j, samples, nameof(fB)), parameters);
        }
        for (var i = 0; i < parameters; i++)
        {
            var outputs = fAB(i);
            for (var j = 0; j < estimators.Length; j++)
            {
                estimators[j].AddParameter(i, Column(outputs, j, samples, nameof(fAB)));
            }
        }
        return Summarise(estimators, parameters, samples, bootstrapResamples, seed, maxThreads);
    }

    private static double[] Column(double[][] outputs, int j, int samples, string name) =>
        outputs is not null && j < outputs.Length && outputs[j]?.Length == samples
            ? outputs[j]
            : throw new ArgumentException(Invariant($"{name} needs output column {j} of {samples} samples."), name);

    private static SobolResult Summarise(
        SobolEstimator[] estimators, int parameters, int samples, int bootstrapResamples, ulong seed, int maxThreads)
    {
        var weights = new double[samples];
        Array.Fill(weights, 1.0);
        var variances = new double[estimators.Length];
        var first = new double[estimators.Length][];
        var total = new double[estimators.Length][];
        for (var j = 0; j < estimators.Length; j++)
        {
            first[j] = new double[parameters];
            total[j] = new double[parameters];
            variances[j] = estimators[j].Evaluate(weights, first[j], total[j]);
        }

        var (firstDraws, totalDraws) = Bootstrap(estimators, parameters, weights, bootstrapResamples, seed, maxThreads);
        var outputs = new SobolOutput[estimators.Length];
        for (var j = 0; j < estimators.Length; j++)
        {
            outputs[j] = new SobolOutput(
                variances[j],
                Array.AsReadOnly(first[j]),
                Array.AsReadOnly(total[j]),
                Intervals(firstDraws[j], parameters, bootstrapResamples),
                Intervals(totalDraws[j], parameters, bootstrapResamples));
        }
        return new SobolResult(Array.AsReadOnly(outputs), samples, checked(samples * (parameters + 2)));
    }

    private static (int Parameters, int Samples) Validate(
        double[][] a, double[][] b, Func<double[][], double[][]> model, int bootstrapResamples)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentOutOfRangeException.ThrowIfNegative(bootstrapResamples);
        if (a.Length == 0)
        {
            throw new ArgumentException("a has no parameter columns; give at least one parameter.", nameof(a));
        }
        if (b.Length != a.Length)
        {
            throw new ArgumentException(Invariant(
                $"b has {b.Length} parameter columns but a has {a.Length}; both matrices must hold the same parameters."),
                nameof(b));
        }
        var samples = a[0]?.Length ?? 0;
        CheckColumns(a, samples, nameof(a));
        CheckColumns(b, samples, nameof(b));
        if (samples < 2)
        {
            throw new ArgumentException(Invariant(
                $"a and b have {samples} samples per parameter; a variance needs at least 2."), nameof(a));
        }
        return (a.Length, samples);
    }

    private static void CheckColumns(double[][] matrix, int samples, string name)
    {
        for (var i = 0; i < matrix.Length; i++)
        {
            if (matrix[i] is null)
            {
                throw new ArgumentException(Invariant($"{name}[{i}] is null; every parameter needs a column of samples."), name);
            }
            if (matrix[i].Length != samples)
            {
                throw new ArgumentException(Invariant(
                    $"{name}[{i}] has {matrix[i].Length} samples but a[0] has {samples}; every column must have the same number."),
                    name);
            }
        }
    }

    /// <summary>f(A), f(B), then f(AB_i) for each i, folded into one estimator per output as they come.</summary>
    private static SobolEstimator[] RunModel(
        double[][] a, double[][] b, Func<double[][], double[][]> model, int parameters, int samples)
    {
        // Each call gets its own outer array, so a model that rearranges it cannot disturb the next call.
        var fA = Run(model, (double[][])a.Clone(), samples, expectedOutputs: null, "A");
        var fB = Run(model, (double[][])b.Clone(), samples, fA.Length, "B");
        var estimators = new SobolEstimator[fA.Length];
        for (var j = 0; j < estimators.Length; j++)
        {
            estimators[j] = new SobolEstimator(fA[j], fB[j], parameters);
        }
        for (var i = 0; i < parameters; i++)
        {
            var mixed = (double[][])a.Clone();
            mixed[i] = b[i];
            var fAB = Run(model, mixed, samples, fA.Length, Invariant($"AB_{i}"));
            for (var j = 0; j < estimators.Length; j++)
            {
                estimators[j].AddParameter(i, fAB[j]);
            }
        }
        return estimators;
    }

    private static double[][] Run(
        Func<double[][], double[][]> model, double[][] columns, int samples, int? expectedOutputs, string matrix)
    {
        var outputs = model(columns);
        if (outputs is null || outputs.Length == 0)
        {
            throw new ArgumentException(Invariant(
                $"The model returned no output columns for matrix {matrix}; it must return at least one."), nameof(model));
        }
        if (expectedOutputs is { } m && outputs.Length != m)
        {
            throw new ArgumentException(Invariant(
                $"The model returned {outputs.Length} output columns for matrix {matrix} but {m} for matrix A; it must return the same number every time."),
                nameof(model));
        }
        for (var j = 0; j < outputs.Length; j++)
        {
            if (outputs[j]?.Length != samples)
            {
                throw new ArgumentException(Invariant(
                    $"The model's output column {j} for matrix {matrix} has {outputs[j]?.Length ?? 0} values; it must have one per sample ({samples})."),
                    nameof(model));
            }
        }
        return outputs;
    }

    /// <summary>
    /// Every resample's indices: draws[j][i·R + r] for output j, parameter i, resample r. The weights are drawn in
    /// turn from one generator, <see cref="ResamplesAtOnce"/> resamples at a time; the parameters are then split over
    /// the threads, each taking its terms through all those resamples while they are in cache (streaming every term
    /// array once per resample made the bootstrap bound by memory), and writing each index to its own place, so the
    /// draws do not depend on the number of threads.
    /// </summary>
    private static (double[][] First, double[][] Total) Bootstrap(
        SobolEstimator[] estimators, int parameters, double[] weights, int resamples, ulong seed, int maxThreads)
    {
        var firstDraws = new double[estimators.Length][];
        var totalDraws = new double[estimators.Length][];
        for (var j = 0; j < estimators.Length; j++)
        {
            firstDraws[j] = new double[parameters * resamples];
            totalDraws[j] = new double[parameters * resamples];
        }
        var random = new Xoshiro256StarStar(unchecked((int)(seed ^ (seed >> 32))), threadSafe: false);
        var batch = Math.Min(ResamplesAtOnce, resamples);
        var batchWeights = new double[batch][];
        var variances = new double[batch][];
        for (var q = 0; q < batch; q++)
        {
            batchWeights[q] = q == 0 ? weights : new double[weights.Length];
            variances[q] = new double[estimators.Length];
        }
        var options = new ParallelOptions { MaxDegreeOfParallelism = maxThreads };
        for (var start = 0; start < resamples; start += batch)
        {
            var count = Math.Min(batch, resamples - start);
            for (var q = 0; q < count; q++)
            {
                // Drawing N indices with replacement is the same as weighting each sample by how often it was drawn.
                var w = batchWeights[q];
                Array.Clear(w);
                for (var n = 0; n < w.Length; n++)
                {
                    w[random.Next(w.Length)] += 1;
                }
                for (var j = 0; j < estimators.Length; j++)
                {
                    variances[q][j] = estimators[j].PooledVariance(w);
                }
            }
            var first = start;
            void Parameter(int i)
            {
                for (var j = 0; j < estimators.Length; j++)
                {
                    for (var q = 0; q < count; q++)
                    {
                        var r = first + q;
                        (firstDraws[j][(i * resamples) + r], totalDraws[j][(i * resamples) + r]) =
                            estimators[j].Indices(batchWeights[q], variances[q][j], i);
                    }
                }
            }
            if (maxThreads == 1 || parameters == 1)
            {
                for (var i = 0; i < parameters; i++)
                {
                    Parameter(i);
                }
            }
            else
            {
                Parallel.For(0, parameters, options, Parameter);
            }
        }
        return (firstDraws, totalDraws);
    }

    /// <summary>Resamples whose weights are drawn before the indices are computed: 16 × N weights stay in cache.</summary>
    private const int ResamplesAtOnce = 16;

    /// <summary>2.5th and 97.5th percentiles of each parameter's draws; NaN when there are none or any is NaN.</summary>
    private static ReadOnlyCollection<(double Low, double High)> Intervals(double[] draws, int parameters, int resamples)
    {
        var intervals = new (double Low, double High)[parameters];
        for (var i = 0; i < parameters; i++)
        {
            var values = draws.AsSpan(i * resamples, resamples);
            values.Sort(); // NaN sorts first
            intervals[i] = resamples == 0 || double.IsNaN(values[0])
                ? (double.NaN, double.NaN)
                : (Percentile(values, 0.025), Percentile(values, 0.975));
        }
        return Array.AsReadOnly(intervals);
    }

    /// <summary>Linear interpolation between order statistics at h = (R − 1)p (Hyndman and Fan type 7, as in numpy).</summary>
    private static double Percentile(ReadOnlySpan<double> sorted, double p)
    {
        var h = (sorted.Length - 1) * p;
        var below = (int)Math.Floor(h);
        var above = Math.Min(below + 1, sorted.Length - 1);
        return sorted[below] + ((h - below) * (sorted[above] - sorted[below]));
    }

    private static string Invariant(FormattableString message) => message.ToString(CultureInfo.InvariantCulture);
}
