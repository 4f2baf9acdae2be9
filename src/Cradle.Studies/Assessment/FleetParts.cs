using Cradle.Core.Engine;
using Cradle.Studies.Compilation;

namespace Cradle.Studies.Assessment;

/// <summary>One serving fleet's part of the result.</summary>
/// <param name="Id">The fleet's id as written.</param>
/// <param name="Share">Its share of the requests, as evaluated (weight ÷ Σ weights).</param>
/// <param name="PerRequest">The footprint of one request on it, per category, without the share of the trained model.</param>
/// <param name="Values">Its contribution per category, per functional unit.</param>
/// <param name="Shares">Its contribution's share of the total per category (NaN where the total is 0).</param>
public sealed record FleetPart(string Id, double Share, IReadOnlyList<double> PerRequest, IReadOnlyList<double> Values, IReadOnlyList<double> Shares);

/// <summary>The serving fleets' parts: share, per-request footprint and contribution of each (docs/methodology.md, "Several serving fleets").</summary>
internal static class FleetParts
{
    /// <summary>One part per fleet, in the order written; empty without fleets.</summary>
    public static IReadOnlyList<FleetPart> Of(CompiledStudy compiled, LcaResult result, MatrixSet matrices)
    {
        if (compiled.Fleets.Count == 0 || !compiled.System.ProductIndex.TryGetValue(SystemAssembler.ServedRequest, out var served))
        {
            return [];
        }
        var requests = result.Scaling[served];
        return compiled.Fleets.Select(fleet =>
        {
            // Requests on the fleet in the functional unit, as the solved system scales them: share × requests.
            var onFleet = result.Scaling[compiled.System.ProductIndex[fleet.Product]];
            var perRequest = LcaCalculator.Calculate(compiled.System, compiled.Method, new Demand(fleet.Product, 1), matrices).Impacts;
            var values = perRequest.Select(v => v * onFleet).ToList();
            return new FleetPart(fleet.Id, requests == 0 ? double.NaN : onFleet / requests, perRequest,
                values, values.Select((v, k) => result.Impacts[k] == 0 ? double.NaN : v / result.Impacts[k]).ToList());
        }).ToList();
    }
}
