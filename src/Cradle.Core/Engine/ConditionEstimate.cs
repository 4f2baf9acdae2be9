namespace Cradle.Core.Engine;

/// <summary>
/// Estimates the 1-norm condition number κ₁(A) = ‖A‖₁ ‖A⁻¹‖₁ from an LU factorisation without forming A⁻¹: Hager's
/// method as refined by Higham (1988, the algorithm behind LAPACK's dlacon), a few solves with A and Aᵀ. The estimate
/// is a lower bound, in practice within a factor of 3 of the true value.
/// </summary>
internal static class ConditionEstimate
{
    /// <summary>
    /// κ₁ of the matrix <paramref name="lu"/> factors, whose 1-norm (largest absolute column sum) is
    /// <paramref name="oneNorm"/>; <paramref name="direction"/> gets a vector x with ‖A⁻¹x‖₁ / ‖x‖₁ near its maximum,
    /// so A⁻¹x points along the direction A nearly annihilates.
    /// </summary>
    public static double Of(DenseLu lu, double oneNorm, out double[] direction)
    {
        var n = lu.Size;
        var x = new double[n];
        Array.Fill(x, 1.0 / n);
        var estimate = 0.0;
        direction = x; // replaced by the first solve below
        for (var iteration = 0; iteration < 5; iteration++)
        {
            var y = lu.Solve(x);
            var norm = y.Sum(Math.Abs);
            if (iteration > 0 && norm <= estimate)
            {
                break;
            }
            estimate = norm;
            direction = y;
            var z = lu.SolveTransposed(y.Select(v => v >= 0 ? 1.0 : -1.0).ToArray());
            var largest = 0;
            for (var i = 1; i < n; i++)
            {
                if (Math.Abs(z[i]) > Math.Abs(z[largest]))
                {
                    largest = i;
                }
            }
            var zx = 0.0;
            for (var i = 0; i < n; i++)
            {
                zx += z[i] * x[i];
            }
            if (iteration > 0 && Math.Abs(z[largest]) <= zx)
            {
                break;
            }
            Array.Clear(x);
            x[largest] = 1;
        }
        // Higham's extra test vector, with alternating signs and growing size, catches the matrices that fool the
        // iteration above.
        var alternating = new double[n];
        for (var i = 0; i < n; i++)
        {
            alternating[i] = (i % 2 == 0 ? 1 : -1) * (1 + (n == 1 ? 0 : (double)i / (n - 1)));
        }
        var w = lu.Solve(alternating);
        var alternative = 2 * w.Sum(Math.Abs) / (3 * n);
        if (alternative > estimate)
        {
            estimate = alternative;
            direction = w;
        }
        return oneNorm * estimate;
    }
}
