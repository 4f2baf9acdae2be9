using Cradle.Core.Engine;
using Cradle.Core.Sensitivity;
using Cradle.Core.Uncertainty;
using Cradle.Studies.Compilation;

namespace Cradle.Studies.Assessment;

/// <summary>
/// The Sobol indices of a study's totals: the model run at A, at B and at every AB_i (A with input i's column from B)
/// as <see cref="SobolAnalysis"/> defines them. The samples are split into fixed blocks; a block evaluates A and B in
/// full, then each AB_i as a change of A's input i (<see cref="InputSweep"/>), so its cost is what input i reaches. The
/// blocks run on any number of threads and write their own columns, so the results do not depend on that number.
/// </summary>
internal static class SobolRuns
{
    /// <summary>Samples per block: the block's work columns stay in cache, and 4,096 samples make 16 blocks to share.</summary>
    private const int BlockSize = 256;

    private const int NoFailure = int.MaxValue;

    public static SobolResult Estimate(CompiledStudy compiled, IReadOnlyList<UncertainInput> inputs, int n, int bootstrap, ulong seed, int maxThreads)
    {
        var options = new ParallelOptions { MaxDegreeOfParallelism = maxThreads };
        var a = Matrix(inputs, n, seed, "A", options);
        var b = Matrix(inputs, n, seed, "B", options);
        var model = new VectorisedModel(compiled.System, compiled.Method);
        var sweep = new InputSweep(model, compiled.Demand, [.. inputs.Select(i => i.Slot)]);
        var fA = Columns(sweep.Categories, n);
        var fB = Columns(sweep.Categories, n);
        var fAB = inputs.Select(_ => Columns(sweep.Categories, n)).ToArray();
        var blocks = (n + BlockSize - 1) / BlockSize;
        // The first matrix each block could not evaluate: 0 for A, 1 for B, 2 + i for AB_i.
        var failed = new int[blocks];
        // One worker per thread, each with its own work columns (tens of MB on a large system), taking the next block
        // until none is left; which worker runs a block does not change what the block writes.
        var next = -1;
        Parallel.For(0, Math.Min(maxThreads, blocks), options, _ =>
        {
            var block = sweep.CreateBlock(BlockSize);
            for (var index = Interlocked.Increment(ref next); index < blocks; index = Interlocked.Increment(ref next))
            {
                failed[index] = Run(sweep, block, a, b, fA, fB, fAB, index * BlockSize, Math.Min(BlockSize, n - (index * BlockSize)));
            }
        });
        if (failed.Min() is var matrix and not NoFailure)
        {
            // The matrix the one-call-per-matrix estimate stopped at, explained as it was.
            var columns = matrix switch
            {
                0 => a,
                1 => b,
                _ => a.Select((column, i) => i == matrix - 2 ? b[i] : column).ToArray(),
            };
            throw SampledCases.Explain(compiled, inputs, columns, n);
        }
        return SobolAnalysis.FromRuns(fA, fB, inputs.Count, i =>
        {
            var outputs = fAB[i];
            fAB[i] = null!; // handed to the estimator, which keeps its terms instead
            return outputs;
        }, bootstrap, seed, maxThreads);
    }

    /// <summary>One block's runs at B, A and every AB_i; returns the first matrix that failed, or <see cref="NoFailure"/>.</summary>
    private static int Run(
        InputSweep sweep, SweepBlock block, double[][] a, double[][] b, double[][] fA, double[][] fB, double[][][] fAB, int offset, int count)
    {
        IReadOnlyList<ReadOnlyMemory<double>> Slice(double[][] matrix) => [.. matrix.Select(column => new ReadOnlyMemory<double>(column, offset, count))];
        bool Evaluated(Action evaluate, double[][] outputs)
        {
            try
            {
                evaluate();
            }
            catch (EngineException)
            {
                return false;
            }
            return Array.TrueForAll(outputs, column => AllFinite(column.AsSpan(offset, count)));
        }
        var failedB = !Evaluated(() => sweep.EvaluateBase(block, Slice(b), count, fB, offset), fB);
        if (!Evaluated(() => sweep.EvaluateBase(block, Slice(a), count, fA, offset), fA))
        {
            return 0;
        }
        if (failedB)
        {
            return 1;
        }
        for (var i = 0; i < fAB.Length; i++)
        {
            var input = i;
            if (!Evaluated(() => sweep.EvaluateChange(block, input, b[input].AsSpan(offset, count), fAB[input], offset), fAB[input]))
            {
                return 2 + i;
            }
        }
        return NoFailure;
    }

    private static bool AllFinite(ReadOnlySpan<double> values)
    {
        foreach (var value in values)
        {
            if (!double.IsFinite(value))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>A sample matrix: a column of <paramref name="n"/> draws per input, drawn as they always were.</summary>
    private static double[][] Matrix(IReadOnlyList<UncertainInput> inputs, int n, ulong seed, string which, ParallelOptions options)
    {
        var matrix = new double[inputs.Count][];
        Parallel.For(0, inputs.Count, options, i =>
        {
            var column = new double[n];
            inputs[i].Distribution.Sample(new RandomDraws(seed, $"{inputs[i].Name}#{which}", 0), column);
            matrix[i] = column;
        });
        return matrix;
    }

    private static double[][] Columns(int count, int length) => [.. Enumerable.Range(0, count).Select(_ => new double[length])];
}
