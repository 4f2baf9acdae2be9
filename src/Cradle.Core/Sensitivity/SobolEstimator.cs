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
        var variance = _constant ? 0 : Variance(weights);
        if (!(variance > 0))
        {
            first.Fill(double.NaN);
            total.Fill(double.NaN);
            return variance;
        }
        var samples = (double)weights.Length;
        for (var i = 0; i < _firstTerms.Length; i++)
        {
            first[i] = WeightedSum(weights, _firstTerms[i]) / samples / variance;
            total[i] = WeightedSum(weights, _totalTerms[i]) / samples / (2 * variance);
        }
        return variance;
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
    /// Σ wₙ xₙ with four accumulators in a fixed order: fast without SIMD, and the same bits on every machine.
    /// </summary>
    private static double WeightedSum(double[] weights, double[] values)
    {
        ReadOnlySpan<double> w = weights;
        ReadOnlySpan<double> x = values.AsSpan(0, w.Length);
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        var n = 0;
        for (; n <= w.Length - 4; n += 4)
        {
            s0 += w[n] * x[n];
            s1 += w[n + 1] * x[n + 1];
            s2 += w[n + 2] * x[n + 2];
            s3 += w[n + 3] * x[n + 3];
        }
        for (; n < w.Length; n++)
        {
            s0 += w[n] * x[n];
        }
        return (s0 + s1) + (s2 + s3);
    }
}
