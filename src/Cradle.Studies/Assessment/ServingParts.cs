using Cradle.Core.Engine;
using Cradle.Studies.Compilation;

namespace Cradle.Studies.Assessment;

/// <summary>
/// The parts of a per-request result by the products the requests take directly: the served request's direct inputs
/// (<see cref="DirectInputDecomposition"/>), and with serving fleets, each fleet's request split the same way in place of
/// the fleet as a whole, so that equation (1)'s terms find each fleet's energy, idle and hardware products.
/// </summary>
internal static class ServingParts
{
    /// <summary>The parts of <paramref name="compiled"/>'s demand; the fleets' request products give way to their own inputs.</summary>
    public static IReadOnlyList<DirectInputDecomposition.Part> Of(CompiledStudy compiled, MatrixSet matrices)
    {
        var parts = DirectInputDecomposition.Decompose(compiled.System, compiled.Method, compiled.Demand, matrices);
        if (compiled.Fleets.Count == 0 || !compiled.PerRequest)
        {
            return parts;
        }
        var fleetProducts = compiled.Fleets.Select(f => f.Product).ToHashSet(StringComparer.Ordinal);
        var scaling = LcaCalculator.Calculate(compiled.System, compiled.Method, compiled.Demand, matrices).Scaling;
        var own = parts.First(p => p.InputProductId is null).Impacts.ToArray();
        var result = new List<DirectInputDecomposition.Part>();
        foreach (var fleet in compiled.Fleets)
        {
            // The fleet's requests in the functional unit: share_f × requests, as the solved system scales them.
            var amount = scaling[compiled.System.ProductIndex[fleet.Product]];
            foreach (var part in DirectInputDecomposition.Decompose(compiled.System, compiled.Method, new Demand(fleet.Product, amount), matrices))
            {
                if (part.InputProductId is null)
                {
                    for (var k = 0; k < own.Length; k++)
                    {
                        own[k] += part.Impacts[k];
                    }
                }
                else
                {
                    result.Add(part);
                }
            }
        }
        result.Insert(0, new DirectInputDecomposition.Part(null, own));
        result.AddRange(parts.Where(p => p.InputProductId is not null && !fleetProducts.Contains(p.InputProductId)));
        return result;
    }

    /// <summary>The products of <paramref name="compiled"/>'s marginal terms besides the request's own energy: idle, the request's other work, and with fleets each fleet's.</summary>
    public static IEnumerable<string?> Marginal(CompiledStudy compiled) =>
        compiled.Fleets.SelectMany(f => new[] { f.EnergyProduct, f.IdleProduct });

    /// <summary>The fleets' serving-hardware products.</summary>
    public static IEnumerable<string?> Embodied(CompiledStudy compiled) => compiled.Fleets.Select(f => f.HardwareProduct);
}
