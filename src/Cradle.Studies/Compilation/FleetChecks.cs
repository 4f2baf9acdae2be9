using Cradle.Core;
using Cradle.Core.Parameters;
using Cradle.Studies.Definition;
using Cradle.Syntax;

namespace Cradle.Studies.Compilation;

/// <summary>
/// Checks on the fleets' traffic once the parameters are evaluated (for the study as written and for each
/// alternative, after its overrides): shares add up to 1, and request counts to a stated lifetime.
/// </summary>
internal static class FleetChecks
{
    /// <summary>How far the stated shares may add up from 1 (and the requests from the lifetime, relatively): rounding only.</summary>
    public const double Tolerance = 1e-6;

    /// <summary>Records an error when the fleets' shares do not add up to 1, or their requests to the stated lifetime.</summary>
    public static void Check(IReadOnlyList<FleetServing> fleets, InferenceDefinition inference, ParameterValues values, ParameterCollector parameters, string? alternative, ProblemList problems)
    {
        if (fleets.Count == 0 || fleets.Count != inference.Fleets.Count)
        {
            return;
        }
        var weights = fleets.Select(f => (f.Id, Value: values.BaseValue(f.Weight))).ToList();
        var sum = weights.Sum(w => w.Value);
        var listed = string.Join(", ", weights.Select(w => $"{w.Id} {InvariantNumber.Format(w.Value)}"));
        var by = alternative is null ? "" : $" (in alternative '{alternative}')";
        var location = parameters.Locations.GetValueOrDefault(fleets[0].Weight) ?? fleets[0].Location;
        if (inference.Fleets[0].Share is not null)
        {
            if (Math.Abs(sum - 1) > Tolerance)
            {
                problems.Error("fleet-shares", location, "inference.fleets",
                    $"the fleets' shares of the requests ({listed}) add up to {InvariantNumber.Format(sum)}{by}, not 1 (within {InvariantNumber.Format(Tolerance)}); "
                    + "correct them, or write one as the rest, e.g. 'share: 1 - inference.fleets.edge.share'.");
            }
            return;
        }
        var lifetime = values.BaseValue("inference.lifetime_requests");
        if (sum <= 0)
        {
            problems.Error("fleet-requests", location, "inference.fleets", $"the fleets' requests ({listed}) add up to 0{by}: at least one fleet serves requests.");
        }
        else if (inference.LifetimeStated && Math.Abs(sum - lifetime) > Tolerance * lifetime)
        {
            problems.Error("fleet-requests", location, "inference.fleets",
                $"the fleets' requests ({listed}) add up to {InvariantNumber.Format(sum)}{by}, not inference.lifetime_requests = {InvariantNumber.Format(lifetime)}; "
                + "correct them, or leave lifetime_requests out (it is then their sum).");
        }
    }
}
