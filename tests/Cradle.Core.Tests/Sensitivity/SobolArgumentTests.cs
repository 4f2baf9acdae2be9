using Cradle.Core.Sensitivity;

namespace Cradle.Core.Tests.Sensitivity;

/// <summary>Bad arguments are refused before any model run, naming the argument and saying what is wrong.</summary>
public class SobolArgumentTests
{
    private static readonly double[][] A = [[1, 2, 3], [4, 5, 6]];
    private static readonly double[][] B = [[7, 8, 9], [1, 3, 5]];

    private static double[][] Sum(double[][] x) => [x[0].Zip(x[1], (p, q) => p + q).ToArray()];

    private static void Refused(string parameter, string message, Func<SobolResult> estimate)
    {
        var exception = Assert.ThrowsAny<ArgumentException>(() => estimate());
        Assert.Equal(parameter, exception.ParamName);
        Assert.Contains(message, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Null_arguments_are_named()
    {
        Refused("a", "null", () => SobolAnalysis.Estimate(null!, B, Sum, 10, 1));
        Refused("b", "null", () => SobolAnalysis.Estimate(A, null!, Sum, 10, 1));
        Refused("model", "null", () => SobolAnalysis.Estimate(A, B, null!, 10, 1));
    }

    [Fact]
    public void A_negative_number_of_resamples_is_refused() =>
        Refused("bootstrapResamples", "-1", () => SobolAnalysis.Estimate(A, B, Sum, -1, 1));

    [Fact]
    public void The_matrices_must_have_the_same_shape()
    {
        Refused("a", "a has no parameter columns", () => SobolAnalysis.Estimate([], [], Sum, 10, 1));
        Refused("b", "b has 1 parameter columns but a has 2", () => SobolAnalysis.Estimate(A, [B[0]], Sum, 10, 1));
        Refused("b", "b[1] has 2 samples but a[0] has 3", () => SobolAnalysis.Estimate(A, [B[0], [1, 2]], Sum, 10, 1));
        Refused("a", "a[1] has 4 samples but a[0] has 3", () => SobolAnalysis.Estimate([A[0], [1, 2, 3, 4]], B, Sum, 10, 1));
        Refused("a", "a[0] is null", () => SobolAnalysis.Estimate([null!, A[1]], B, Sum, 10, 1));
    }

    [Fact]
    public void One_sample_is_not_enough_for_a_variance() =>
        Refused("a", "at least 2", () => SobolAnalysis.Estimate([[1], [2]], [[3], [4]], Sum, 10, 1));

    [Fact]
    public void The_model_must_return_one_value_per_sample_for_the_same_outputs_each_time()
    {
        Refused("model", "no output columns for matrix A", () => SobolAnalysis.Estimate(A, B, _ => [], 10, 1));
        Refused("model", "output column 0 for matrix A has 2 values; it must have one per sample (3)",
            () => SobolAnalysis.Estimate(A, B, _ => [[1.0, 2.0]], 10, 1));
        var calls = 0;
        Refused("model", "returned 2 output columns for matrix B but 1 for matrix A",
            () => SobolAnalysis.Estimate(A, B, x => ++calls == 1 ? Sum(x) : [.. Sum(x), .. Sum(x)], 10, 1));
    }
}
