namespace Cradle.Core.Expressions;

/// <summary>
/// The rounding functions of expressions, on pure numbers. Each takes and returns a value in base units, which for
/// a dimensionless value is the plain number (50 % is 0.5, so round(50 %) is 1).
/// </summary>
public static class RoundingFunctions
{
    /// <summary>
    /// Rounds to the nearest whole number, halves away from zero (2.5 → 3, −2.5 → −3), as people round by hand;
    /// .NET's default (halves to even) would give 2 for 2.5.
    /// </summary>
    public static double Round(double x) => Math.Round(x, MidpointRounding.AwayFromZero);

    /// <summary>
    /// The smallest power of two with a whole, non-negative exponent (1, 2, 4, 8, …) that is at least
    /// <paramref name="x"/>: a batch size or a GPU count rounded up. 0 &lt; x ≤ 1 gives 1; 5 gives 8; 8 gives 8.
    /// Not defined for x ≤ 0 or NaN, which give NaN, as log of a negative number does, so that the value is refused
    /// where it is used rather than silently counted; +∞ stays +∞.
    /// </summary>
    public static double CeilPow2(double x)
    {
        if (!(x > 0))
        {
            return double.NaN;
        }
        if (double.IsPositiveInfinity(x))
        {
            return x;
        }
        if (x <= 1)
        {
            return 1;
        }
        // ILogB is floor(log2 x) exactly, with none of Log2's rounding: 2^ILogB(x) ≤ x < 2^(ILogB(x)+1).
        var power = Math.ScaleB(1, Math.ILogB(x));
        return power < x ? 2 * power : power;
    }
}
