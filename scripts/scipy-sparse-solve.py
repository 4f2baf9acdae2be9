#!/usr/bin/env python3
"""Times SciPy's sparse direct solvers on the matrix Cradle's sparse engine is benchmarked on (issue 16).

Run it with Debian's python3-scipy (/usr/bin/python3). Write the matrix first:
  dotnet run -c Release --project bench/Cradle.Benchmarks -- write-matrix-market 20000 16 /tmp/a.mtx
then:
  /usr/bin/python3 scripts/scipy-sparse-solve.py /tmp/a.mtx [RUNS] [--iterative-only]

It loads A = I - N (and /tmp/a.scores.mtx, category 0's (c B)^T) and reports the best of RUNS (default 3) runs of:
GMRES (an iterative peer: SciPy has no ILU(0)), for e0 and for the all-activity scores lambda = A^-T (c B)^T;
spsolve(A, e0) (SuperLU with COLAMD, factor and solve); splu(A) alone, then solves with its factors (one more demand,
the transposed scores, 1,000 Monte Carlo demands); and each answer's relative residual. On a random cyclic graph the
direct factorisation fills in heavily: at 20,000 processes it did not finish in 10 minutes here (see
docs/performance.md), so pass --iterative-only there and run the direct part on the smaller sizes.
"""
import sys
import time

import numpy as np
import scipy
import scipy.io
import scipy.sparse.linalg as sla


def best_of(runs, action):
    """The fastest of `runs` wall-clock timings of action(), in seconds, and its last result."""
    best, result = float("inf"), None
    for _ in range(runs):
        start = time.perf_counter()
        result = action()
        best = min(best, time.perf_counter() - start)
    return best, result


def relative_residual(a, x, b):
    return np.linalg.norm(b - a @ x) / np.linalg.norm(b)


def main(path, runs, direct):
    a = scipy.io.mmread(path).tocsc()
    n = a.shape[0]
    scores_rhs = scipy.io.mmread(path.replace(".mtx", ".scores.mtx")).ravel()
    demand = np.zeros(n)
    demand[0] = 1.0
    print(f"SciPy {scipy.__version__}, NumPy {np.__version__}; A: {n} x {n}, {a.nnz} non-zeros", flush=True)

    # The iterative peer first: restarted GMRES, unpreconditioned. SciPy's BiCGSTAB breaks down on the demand e0
    # (its shadow residual r0 = e0; info -10), which Cradle's BiCGSTAB avoids with a dense shadow residual and
    # restarts; GMRES preconditioned with spilu (drop_tol 1e-2, fill_factor 3, about ILU(0)'s size) did not converge in
    # 100 restarts, and tighter spilu factors took 10-20 s. A = I - N with column sums below 1 (in common units) converges unpreconditioned.
    at = a.T.tocsr()
    ar = a.tocsr()

    def iterative(b, trans=False):
        m = at if trans else ar
        x, info = sla.gmres(m, b, tol=1e-12, atol=0.0, restart=50, maxiter=100)
        if info != 0:
            raise RuntimeError(f"gmres did not converge (info {info})")
        return x

    t, x = best_of(runs, lambda: iterative(demand))
    print(f"gmres, one demand: {t * 1e3:.1f} ms, relative residual {relative_residual(a, x, demand):.2e}", flush=True)
    t, lam = best_of(runs, lambda: iterative(scores_rhs, trans=True))
    print(f"all-activity scores, one category (gmres on A^T): {t * 1e3:.1f} ms, "
          f"relative residual {relative_residual(a.T.tocsc(), lam, scores_rhs):.2e}", flush=True)

    if not direct:
        return
    # The direct solvers (SuperLU with COLAMD ordering): fill-in decides their cost.
    t, x = best_of(runs, lambda: sla.spsolve(a, demand))
    print(f"spsolve (factor + solve): {t * 1e3:.1f} ms, relative residual {relative_residual(a, x, demand):.2e}", flush=True)

    t, lu = best_of(runs, lambda: sla.splu(a))
    print(f"splu (factor only): {t * 1e3:.1f} ms, fill: L {lu.L.nnz} + U {lu.U.nnz} non-zeros", flush=True)
    t, x = best_of(max(runs, 5), lambda: lu.solve(demand))
    print(f"one more solve with the factors: {t * 1e3:.2f} ms, relative residual {relative_residual(a, x, demand):.2e}", flush=True)
    t, lam = best_of(max(runs, 5), lambda: lu.solve(scores_rhs, trans="T"))
    print(f"all-activity scores, one category (transposed solve with the factors kept): {t * 1e3:.1f} ms, "
          f"relative residual {relative_residual(a.T.tocsc(), lam, scores_rhs):.2e}", flush=True)

    rng = np.random.default_rng(1)
    draws = []
    for _ in range(1000):
        f = np.zeros(n)
        f[(np.arange(10) * 1999) % n] = np.exp(0.3 * (rng.random(10) - 0.5))
        draws.append(f)
    t, _ = best_of(1, lambda: [lu.solve(f) for f in draws])
    print(f"1,000 Monte Carlo demands with the factors kept: {t * 1e3:.1f} ms", flush=True)


if __name__ == "__main__":
    arguments = [a for a in sys.argv[1:] if a != "--iterative-only"]
    main(arguments[0] if arguments else "/tmp/a.mtx", int(arguments[1]) if len(arguments) > 1 else 3,
         "--iterative-only" not in sys.argv)
