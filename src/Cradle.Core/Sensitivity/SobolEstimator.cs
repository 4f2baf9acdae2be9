using System.Runtime.Intrinsics;

namespace Cradle.Core.Sensitivity;

/// <summary>
/// The Sobol estimators of one model output, written as weighted sums over per-sample terms. A sample's weight is how
/// often it is drawn: 1 each for the point estimate, the bootstrap counts (summing to N) for a resample. A resample
/// therefore costs a few sums over arrays already computed, never a model run.
/// </summary>
internal sealed class SobolEstimator
{
    private readonly double[] _fA;
    private readonly double[] _fB;
    private readonly double _shift;
    private readonly bool _constant;
    private readonly double[][] _firstTerms;
    private readonly double[][] _totalTerms;

    /// <summary>Copies f(A) and f(B) (the model may reuse its output arrays); terms for each parameter follow.</summary>
    public SobolEstimator(double[] fA, double[] fB, int parameters)
    {
        _fA = (double[])fA.Clone();
        _fB = (double[])fB.Clone();
        _firstTerms = new double[parameters][];
        _totalTerms = new double[parameters][];

        // Centre on the pooled mean: leaves V and ST unchanged, and removes from S_i the term
        // shift · mean(f(AB_i) − f(A)), zero in expectation but noisy in proportion to the output's mean, which for an
        // impact far from zero (1000 ± 10 kg CO2-eq) would swamp the index.
        var sum = 0.0;
        _constant = true;
        for (var n = 0; n < _fA.Length; n++)
        {
            sum += _fA[n] + _fB[n];
            _constant &= _fA[n] == _fA[0] && _fB[n] == _fA[0];
        }
        _shift = sum / (2.0 * _fA.Length);
    }

    /// <summary>Stores the per-sample terms of parameter <paramref name="parameter"/> from f(AB_i).</summary>
    public void AddParameter(int parameter, double[] fAB)
    {
        var first = new double[fAB.Length];
        var total = new double[fAB.Length];
        for (var n = 0; n < fAB.Length; n++)
        {
            var change = fAB[n] - _fA[n];
            first[n] = (_fB[n] - _shift) * change;
            total[n] = change * change;
        }
        _firstTerms[parameter] = first;
        _totalTerms[parameter] = total;
    }

    /// <summary>
    /// Writes S_i and ST_i under <paramref name="weights"/> (non-negative counts summing to N) and returns V; NaN
    /// indices when V is zero or not a number.
    /// </summary>
    public double Evaluate(double[] weights, Span<double> first, Span<double> total)
    {
        var variance = PooledVariance(weights);
        for (var i = 0; i < _firstTerms.Length; i++)
        {
            (first[i], total[i]) = Indices(weights, variance, i);
        }
        return variance;
    }

    /// <summary>V under <paramref name="weights"/>: 0 when every value is the same.</summary>
    public double PooledVariance(double[] weights) => _constant ? 0 : Variance(weights);

    /// <summary>S_i and ST_i of parameter <paramref name="i"/> under <paramref name="weights"/>, given V from <see cref="PooledVariance"/>.</summary>
    public (double First, double Total) Indices(double[] weights, double variance, int i)
    {
        if (!(variance > 0))
        {
            return (double.NaN, double.NaN);
        }
        var samples = (double)weights.Length;
        return (WeightedSum(weights, _firstTerms[i]) / samples / variance,
            WeightedSum(weights, _totalTerms[i]) / samples / (2 * variance));
    }

    /// <summary>Variance of f(A) and f(B) pooled (2N weighted values, divided by 2N).</summary>
    private double Variance(double[] weights)
    {
        double sum = 0, squares = 0;
        for (var n = 0; n < weights.Length; n++)
        {
            var a = _fA[n] - _shift;
            var b = _fB[n] - _shift;
            sum += weights[n] * (a + b);
            squares += weights[n] * ((a * a) + (b * b));
        }
        var pooled = 2.0 * weights.Length;
        var mean = sum / pooled;
        return (squares / pooled) - (mean * mean);
    }

    /// <summary>
    /// Σ wₙ xₙ with four accumulators in a fixed order, accumulator l taking the n ≡ l (mod 4): the same bits on every
    /// machine. The four run as the lanes of one 256-bit vector (a multiply then an add, never fused, as the scalar
    /// loop does), which is faster and gives the very same sums.
    /// </summary>
    private static double WeightedSum(double[] weights, double[] values)
    {
        ReadOnlySpan<double> w = weights;
        ReadOnlySpan<double> x = values.AsSpan(0, w.Length);
        var sums = Vector256<double>.Zero;
        var n = 0;
        for (; n <= w.Length - 4; n += 4)
        {
            sums += Vector256.Create(w.Slice(n, 4)) * Vector256.Create(x.Slice(n, 4));
        }
        double s0 = sums[0], s1 = sums[1], s2 = sums[2], s3 = sums[3];
        for (; n < w.Length; n++)
        {
            s0 += w[n] * x[n];
        }
        return (s0 + s1) + (s2 + s3);
    }
}
