using Cradle.Core.Engine;

namespace Cradle.Core.Tests.Builders;

/// <summary>Loops of processes for the solvers' tests.</summary>
internal static class Rings
{
    /// <summary>Process j consumes <paramref name="self"/> of its own product and <paramref name="next"/> of product j + 1 (mod n).</summary>
    public static SparseColumns Ring(int n, double self, double next)
    {
        var inputs = new SparseColumns(n, n);
        for (var j = 0; j < n; j++)
        {
            if (self != 0)
            {
                inputs.Add(j, j, self);
            }
            inputs.Add((j + 1) % n, j, next);
        }
        return inputs;
    }
}
