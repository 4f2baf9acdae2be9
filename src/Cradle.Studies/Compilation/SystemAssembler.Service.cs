using Cradle.Core.Model;
using Cradle.Core.Units;
using Cradle.Studies.Definition;

namespace Cradle.Studies.Compilation;

/// <summary>
/// A functional unit counted in a service other than requests (tokens, images, GPU time): one unit of that service
/// takes 1 / service_per_request served requests. Kept as a process of its own, with service_per_request a parameter,
/// so its uncertainty is sampled and an alternative can override it like any other input.
/// </summary>
internal sealed partial class SystemAssembler
{
    public const string ServedService = "served-service";

    /// <summary>
    /// Adds the served-service process in <paramref name="serviceUnit"/> (a coherent unit: token, image or s) and
    /// returns its product id; null when the served request could not be built (its errors are already reported).
    /// </summary>
    public string? AddServedService(Datum servicePerRequest, Unit serviceUnit)
    {
        var perRequest = _parameters.Add("inference.service_per_request", servicePerRequest, serviceUnit.Dimension / PerRequest,
            $"the {ServiceUnits.Name(serviceUnit.Dimension)} one request delivers ('{ServiceUnits.Example(serviceUnit.Dimension)}')");
        if (!_products.ContainsKey(ServedRequest))
        {
            return null;
        }
        AddProcess(ServedService, "served " + serviceUnit.Symbol, serviceUnit, StageKinds.Inference, StageKinds.Inference,
            [new TechnosphereInput(ServedRequest, $"1 / {perRequest}")], []);
        return ServedService;
    }
}
