namespace Cradle.Core.Uncertainty;

/// <summary>The standard normal's quantile function (for percentiles and one-at-a-time ranges).</summary>
public static class StandardNormal
{
    /// <summary>Φ⁻¹(p), 0 &lt; p &lt; 1.</summary>
    public static double Quantile(double p)
    {
        if (p is <= 0 or >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(p), p, "A quantile is asked for a probability strictly between 0 and 1.");
        }
        return MathNet.Numerics.Distributions.Normal.InvCDF(0, 1, p);
    }
}
