using Cradle.Core.Model;
using Cradle.Core.Units;
using Cradle.Studies.Definition;

namespace Cradle.Studies.Compilation;

/// <summary>The served request: marginal energy, serving hardware time, and its share of the trained model.</summary>
internal sealed partial class SystemAssembler
{
    private void AddInference(InferenceDefinition inference, bool hasTrainedModel)
    {
        var site = Site(inference.SiteId, inference.SiteLocation ?? inference.Location, "inference.site");
        if (inference.HardwareId is null && _boundary.Includes(StageKinds.HardwareManufacture))
        {
            _problems.Error("missing-field", inference.Location, "inference.hardware",
                "the serving hardware id: hardware-manufacture is in the system boundary, and its time share per request needs the hardware (or leave hardware-manufacture out of system_boundary.included).");
            return;
        }
        var (hardware, device) = Hardware(inference.HardwareId, inference.HardwareLocation ?? inference.Location, "inference.hardware");
        var lifetime = _parameters.Add("inference.lifetime_requests", inference.LifetimeRequests, PerRequest, "a number of requests ('1e9 request')");
        var samples = inference.Samples is null ? "1"
            : _parameters.Add("inference.samples_per_request", inference.Samples, Dimension.None, "a number of samples per request (best-of-N)");
        // Null only without hardware: then nothing needs the serving time (no embodied share, no node power).
        var deviceTime = inference.DeviceTime is null ? null : _parameters.Add("inference.device_time_per_request", inference.DeviceTime, Dimension.Time / PerRequest,
            "a device time per request ('0.0368 s/request')");

        string? energy;
        var nodePowerAdded = false;
        EnergyDefinition? energyDefinition;
        if (inference.EnergyPerToken is { } perToken && inference.OutputTokens is not null)
        {
            energyDefinition = perToken;
            var tokens = _parameters.Add("inference.output_tokens", inference.OutputTokens, PerToken / PerRequest, "a number of tokens per request ('210 token/request')");
            if (inference.ReasoningTokens is not null)
            {
                tokens = $"({tokens} + {_parameters.Add("inference.reasoning_tokens", inference.ReasoningTokens, PerToken / PerRequest, "a number of tokens per request ('1500 token/request')")})";
            }
            var perTokenEnergy = _energy.For(perToken, "inference", null, hardware, site, out _, PerToken, "energy_per_token");
            energy = perTokenEnergy is null ? null : $"{tokens} * ({perTokenEnergy})";
            if (energy is not null && perToken.Boundary == EnergyBoundary.Gpu && hardware?.NodePower is not null && deviceTime is not null)
            {
                energy = $"{energy} + {deviceTime} * {P("hardware", hardware.Id, "node", "power")} / {P("hardware", hardware.Id, "per_node")}";
                nodePowerAdded = true;
            }
        }
        else if (inference.EnergyPerRequest is { } perRequest)
        {
            energyDefinition = perRequest;
            energy = _energy.For(perRequest, "inference", deviceTime, hardware, site, out nodePowerAdded, PerRequest, "energy_per_request");
        }
        else
        {
            return;
        }
        if (site is null || energy is null)
        {
            return;
        }

        var inputs = new List<TechnosphereInput>();
        InferenceEnergyProduct = EnergyChain("inference", StageKinds.Inference, site, energyDefinition, nodePowerAdded);
        inputs.Add(new TechnosphereInput(InferenceEnergyProduct, $"{samples} * ({energy})"));
        if (inference.Idle is { } idle && IdleEnergy(idle, deviceTime, samples, site, energyDefinition) is { } idleInput)
        {
            inputs.Add(idleInput);
        }
        if (hardware is not null && device is not null && deviceTime is not null)
        {
            InferenceHardwareProduct = HardwareChain("inference", hardware, device);
            if (InferenceHardwareProduct is not null)
            {
                inputs.Add(new TechnosphereInput(InferenceHardwareProduct, $"{samples} * {deviceTime}"));
            }
        }
        if (hasTrainedModel)
        {
            inputs.Add(new TechnosphereInput(TrainedModel, $"1 / {lifetime}"));
        }
        AddProcess(ServedRequest, "served request", KnownUnits.Request, StageKinds.Inference, StageKinds.Inference, inputs, []);
    }

    /// <summary>
    /// The idle energy of one request, through its own energy chain (scope <c>inference-idle</c>, stage inference) so
    /// that it has its own rows: idle time = device time × (1 − occupancy) ÷ occupancy, times the idle power per
    /// device; samples multiply the device time, so they multiply the idle time too. Null (with an error) without device time.
    /// </summary>
    private TechnosphereInput? IdleEnergy(IdleDefinition idle, string? deviceTime, string samples, SiteDefinition site, EnergyDefinition energy)
    {
        if (deviceTime is null)
        {
            _problems.Error("missing-field", idle.Location, "inference.device_time_per_request",
                "the device time per request: idle time is counted as a share of it (device time × (1 − occupancy) ÷ occupancy).");
            return null;
        }
        var power = _parameters.Add("inference.idle.power", idle.Power, Dimension.Power, "an idle power per device ('100 W')");
        var occupancy = _parameters.Add("inference.idle.occupancy", idle.Occupancy, Dimension.None, "a busy share of serving time in (0, 1] ('0.6')");
        // Same site, grid and PUE choice as the active energy: idle devices sit in the same facility. The idle power is
        // what the study says one device draws, so its convention is device (gpu) energy, without node power added.
        InferenceIdleProduct = EnergyChain("inference-idle", StageKinds.Inference, site, energy with { Boundary = EnergyBoundary.Gpu }, nodePowerAdded: false);
        return new TechnosphereInput(InferenceIdleProduct, $"{samples} * {deviceTime} * (1 - {occupancy}) / {occupancy} * {power}");
    }
}
