namespace Cradle.Core.Engine.Sparse;

/// <summary>
/// Right-preconditioned BiCGSTAB (van der Vorst 1992) for M x = b with an <see cref="IncompleteLu"/> of M. Stops when
/// the recurrence's residual is below <see cref="Target"/> of ‖b‖₂ (restarting from the true residual after a
/// breakdown); the caller then checks the true residual.
/// </summary>
internal static class BiCgStab
{
    /// <summary>The relative residual the iteration aims for: a hundred times below the accepted 1e-10, so the recomputed residual passes.</summary>
    public const double Target = 1e-12;

    /// <summary>Iterations before giving up. A technosphere like ecoinvent's converges in tens.</summary>
    public const int MaxIterations = 1000;

    /// <summary>The outcome: iterations used, and whether the target was reached (false on breakdown or the iteration limit).</summary>
    public readonly record struct Outcome(int Iterations, bool Converged);

    /// <summary>Restarts after a breakdown (ρ or ω vanishing), each from the true residual of the iterate so far.</summary>
    public const int MaxRestarts = 10;

    /// <summary>Solves into <paramref name="x"/> (its initial content is ignored).</summary>
    public static Outcome Solve(CsrMatrix matrix, IncompleteLu preconditioner, ReadOnlySpan<double> b, Span<double> x)
    {
        var n = matrix.Size;
        x.Clear();
        var bNorm = Norm(b);
        if (bNorm == 0)
        {
            return new Outcome(0, true);
        }
        var work = new Work(n);
        b.CopyTo(work.R);
        var iterations = 0;
        for (var restart = 0; restart <= MaxRestarts && iterations < MaxIterations; restart++)
        {
            if (restart > 0)
            {
                // The true residual, so that rounding in the recurrence does not carry over.
                matrix.Multiply(x, work.R);
                for (var i = 0; i < n; i++)
                {
                    work.R[i] = b[i] - work.R[i];
                }
                if (Norm(work.R) <= Target * bNorm)
                {
                    return new Outcome(iterations, true);
                }
            }
            var (used, state) = Run(matrix, preconditioner, x, work, Target * bNorm, MaxIterations - iterations);
            iterations += used;
            if (state == State.Converged)
            {
                return new Outcome(iterations, true);
            }
            if (state == State.Diverged)
            {
                break;
            }
        }
        return new Outcome(iterations, false);
    }

    private enum State
    {
        Converged,
        BrokeDown,
        Diverged,
    }

    private sealed class Work(int n)
    {
        public double[] R { get; } = new double[n];
        public double[] RHat { get; } = new double[n];
        public double[] P { get; } = new double[n];
        public double[] V { get; } = new double[n];
        public double[] PHat { get; } = new double[n];
        public double[] SHat { get; } = new double[n];
        public double[] T { get; } = new double[n];
    }

    private static (int Iterations, State State) Run(CsrMatrix matrix, IncompleteLu preconditioner, Span<double> x, Work work, double stop, int budget)
    {
        var n = matrix.Size;
        var (r, rHat, p, v, pHat, sHat, t) = (work.R, work.RHat, work.P, work.V, work.PHat, work.SHat, work.T);
        // The shadow residual: r₀ plus a dense, deterministic perturbation of its size. r₀ alone breaks down when the
        // demand is one product (r₀ = eⱼ, and rHatᵀ r = rⱼ soon vanishes).
        var scale = Norm(r) / Math.Sqrt(n);
        for (var i = 0; i < n; i++)
        {
            rHat[i] = r[i] + scale * (0.5 + (i * 0.6180339887498949 % 1.0));
        }
        Array.Clear(p);
        Array.Clear(v);
        double rho = 1, alpha = 1, omega = 1;
        for (var iteration = 1; iteration <= budget; iteration++)
        {
            var rhoNext = Dot(rHat, r);
            if (!double.IsFinite(rhoNext))
            {
                return (iteration, State.Diverged);
            }
            if (rhoNext == 0)
            {
                return (iteration, State.BrokeDown);
            }
            var beta = rhoNext / rho * (alpha / omega);
            rho = rhoNext;
            for (var i = 0; i < n; i++)
            {
                p[i] = r[i] + beta * (p[i] - omega * v[i]);
            }
            preconditioner.Apply(p, pHat);
            matrix.Multiply(pHat, v);
            var denominator = Dot(rHat, v);
            if (denominator == 0 || !double.IsFinite(denominator))
            {
                return (iteration, State.BrokeDown);
            }
            alpha = rho / denominator;
            // r now holds s = r − α v.
            for (var i = 0; i < n; i++)
            {
                x[i] += alpha * pHat[i];
                r[i] -= alpha * v[i];
            }
            if (Norm(r) <= stop)
            {
                return (iteration, State.Converged);
            }
            preconditioner.Apply(r, sHat);
            matrix.Multiply(sHat, t);
            var tt = Dot(t, t);
            if (tt == 0 || !double.IsFinite(tt))
            {
                return (iteration, State.BrokeDown);
            }
            omega = Dot(t, r) / tt;
            for (var i = 0; i < n; i++)
            {
                x[i] += omega * sHat[i];
                r[i] -= omega * t[i];
            }
            var norm = Norm(r);
            if (norm <= stop)
            {
                return (iteration, State.Converged);
            }
            if (omega == 0)
            {
                return (iteration, State.BrokeDown);
            }
        }
        return (budget, State.BrokeDown);
    }

    /// <summary>‖v‖₂.</summary>
    public static double Norm(ReadOnlySpan<double> v) => Math.Sqrt(Dot(v, v));

    private static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        var sum = 0.0;
        for (var i = 0; i < a.Length; i++)
        {
            sum += a[i] * b[i];
        }
        return sum;
    }
}
