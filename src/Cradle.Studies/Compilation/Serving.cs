using Cradle.Core.Model;
using Cradle.Core.Units;
using Cradle.Studies.Definition;
using Cradle.Syntax;

namespace Cradle.Studies.Compilation;

/// <summary>
/// The serving: the served request (marginal energy, serving hardware time, and its share of the trained model), its
/// idle energy, the rest of its work (<see cref="RequestWork"/>: prefill, reasoning, draft, retrieval, tool calls), and
/// the served service when the functional unit is counted in something other than requests.
/// </summary>
internal sealed class Serving(
    SystemUnderConstruction system, SupplyChains chains, ParameterCollector parameters, ProblemList problems, BoundaryScope boundary, EnergyExpressions energyExpressions,
    RequestWork work)
{
    private static readonly Dimension PerRequest = Dimension.Of(BaseDimension.Request);
    private static readonly Dimension PerToken = Dimension.Of(BaseDimension.Token);

    /// <summary>For a per-request functional unit: the products the request process takes directly (equation (1) terms).</summary>
    public string? InferenceEnergyProduct { get; private set; }

    /// <summary>The serving device-hour product, when serving hardware's manufacture is in the boundary.</summary>
    public string? InferenceHardwareProduct { get; private set; }

    /// <summary>The serving fleet's idle IT-energy product, when the study gives <c>inference.idle</c>.</summary>
    public string? InferenceIdleProduct { get; private set; }

    /// <summary>Products of the request's other marginal terms (prefill, reasoning, draft, retrieval, tools).</summary>
    public IReadOnlyList<string> MarginalProducts => work.MarginalProducts;

    /// <summary>Products of the request's other embodied terms (the retrieval hardware's device-hours).</summary>
    public IReadOnlyList<string> EmbodiedProducts => work.EmbodiedProducts;

    private static string P(params string[] parts) => SystemUnderConstruction.P(parts);

    /// <summary>Adds the served request; <paramref name="hasTrainedModel"/> when it takes a share of the trained model.</summary>
    public void AddInference(InferenceDefinition inference, bool hasTrainedModel)
    {
        var site = system.Site(inference.SiteId, inference.SiteLocation ?? inference.Location, "inference.site");
        if (inference.HardwareId is null && boundary.Includes(StageKinds.HardwareManufacture))
        {
            problems.Error("missing-field", inference.Location, "inference.hardware",
                "the serving hardware id: hardware-manufacture is in the system boundary, and its time share per request needs the hardware (or leave hardware-manufacture out of systemboundary.included).");
            return;
        }
        var (hardware, device) = system.Hardware(inference.HardwareId, inference.HardwareLocation ?? inference.Location, "inference.hardware");
        var lifetime = parameters.Add("inference.lifetime_requests", inference.LifetimeRequests, PerRequest, "a number of requests ('1e9 request')");
        var samples = inference.Samples is null ? "1"
            : parameters.Add("inference.samples_per_request", inference.Samples, Dimension.None, "a number of samples per request (best-of-N)");
        // Null only without hardware: then nothing needs the serving time (no embodied share, no node power).
        var deviceTime = inference.DeviceTime is null ? null : parameters.Add("inference.device_time_per_request", inference.DeviceTime, Dimension.Time / PerRequest,
            "a device time per request ('0.0368 s/request')");

        string? energy;
        var nodePowerAdded = false;
        EnergyDefinition? energyDefinition;
        RequestWork.Generation? generation = null;
        if (inference.EnergyPerToken is { } perToken && inference.OutputTokens is not null)
        {
            energyDefinition = perToken;
            var output = parameters.Add("inference.output_tokens", inference.OutputTokens, PerToken / PerRequest, "a number of tokens per request ('210 token/request')");
            var rounds = inference.RefinementRounds is null ? null
                : parameters.Add("inference.refinement_rounds", inference.RefinementRounds, Dimension.None, "a number of refinement rounds per sample ('2')");
            // Decode: the first answer and one new answer per refinement round; reasoning tokens have their own row.
            var tokens = rounds is null ? output : $"(1 + {rounds}) * {output}";
            var perTokenEnergy = energyExpressions.For(perToken, "inference", null, hardware, site, out _, PerToken, "energy_per_token");
            energy = perTokenEnergy is null ? null : $"{tokens} * ({perTokenEnergy})";
            generation = perTokenEnergy is null ? null : new RequestWork.Generation(samples, output, rounds, perTokenEnergy, perToken);
            if (energy is not null && perToken.Boundary == EnergyBoundary.Gpu && hardware?.NodePower is not null && deviceTime is not null)
            {
                energy = $"{energy} + {deviceTime} * {P("hardware", hardware.Id, "node", "power")} / {P("hardware", hardware.Id, "per_node")}";
                nodePowerAdded = true;
            }
        }
        else if (inference.EnergyPerRequest is { } perRequest)
        {
            energyDefinition = perRequest;
            energy = energyExpressions.For(perRequest, "inference", deviceTime, hardware, site, out nodePowerAdded, PerRequest, "energy_per_request");
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
        InferenceEnergyProduct = chains.EnergyChain("inference", StageKinds.Inference, site, energyDefinition, nodePowerAdded);
        inputs.Add(new TechnosphereInput(InferenceEnergyProduct, $"{samples} * ({energy})"));
        if (generation is not null)
        {
            inputs.AddRange(work.TokenTerms(inference, generation, hardware, site));
        }
        inputs.AddRange(work.CallTerms(inference, site));
        if (inference.Idle is { } idle && IdleEnergy(idle, deviceTime, samples, site, energyDefinition) is { } idleInput)
        {
            inputs.Add(idleInput);
        }
        if (hardware is not null && device is not null && deviceTime is not null)
        {
            var key = inference.Allocation ?? hardware.Allocation ?? AllocationKeys.Default;
            InferenceHardwareProduct = chains.HardwareChain("inference", hardware, device, key);
            if (InferenceHardwareProduct is not null)
            {
                if ((key == AllocationKey.Batch ? BatchDeviceTime(inference) : deviceTime) is { } hours)
                {
                    inputs.Add(new TechnosphereInput(InferenceHardwareProduct, $"{samples} * {hours}"));
                }
            }
        }
        if (hasTrainedModel)
        {
            inputs.Add(new TechnosphereInput(SystemAssembler.TrainedModel, $"1 / {lifetime}"));
        }
        system.AddProcess(SystemAssembler.ServedRequest, "served request", KnownUnits.Request, StageKinds.Inference, StageKinds.Inference, inputs, []);
    }

    /// <summary>
    /// The device time one request is charged under the batch key, as EcoLogits allocates a request's embodied share
    /// (ΔT ÷ (B × ΔL) of the server, docs/methodology.md): devices per replica × latency ÷ batch size, over the calendar
    /// life (the device-hour's share under this key is 1 ÷ lifespan). It replaces device_time_per_request for the
    /// embodied share only; the energy keeps the device time as written.
    /// </summary>
    private string? BatchDeviceTime(InferenceDefinition inference)
    {
        if (inference.Latency is null || inference.BatchSize is null)
        {
            problems.Error("missing-field", inference.Location, inference.Latency is null ? "inference.latency" : "inference.batch_size",
                "the batch allocation key needs the request's 'latency' (ΔT, e.g. '2.4 s/request') and the 'batch_size' (B, e.g. 16).");
            return null;
        }
        var latency = parameters.Add("inference.latency", inference.Latency, Dimension.Time / PerRequest, "a generation time per request ('2.4 s/request')");
        var batch = parameters.Add("inference.batch_size", inference.BatchSize, Dimension.None, "a number of requests per batch ('16')");
        var devices = parameters.Add("inference.devices_per_replica",
            inference.DevicesPerReplica ?? new Datum("1", inference.Location, Core.Parameters.DataOrigin.Declared, Note: "default: one device per replica"),
            Dimension.None, "a number of devices per replica ('8')");
        return $"({devices} * {latency} / {batch})";
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
            problems.Error("missing-field", idle.Location, "inference.device_time_per_request",
                "the device time per request: idle time is counted as a share of it (device time × (1 − occupancy) ÷ occupancy).");
            return null;
        }
        var power = parameters.Add("inference.idle.power", idle.Power, Dimension.Power, "an idle power per device ('100 W')");
        var occupancy = parameters.Add("inference.idle.occupancy", idle.Occupancy, Dimension.None, "a busy share of serving time in (0, 1] ('0.6')");
        // Same site, grid and PUE choice as the active energy: idle devices sit in the same facility. The idle power is
        // what the study says one device draws, so its convention is device (gpu) energy, without node power added.
        InferenceIdleProduct = chains.EnergyChain("inference-idle", StageKinds.Inference, site, energy with { Boundary = EnergyBoundary.Gpu }, nodePowerAdded: false);
        return new TechnosphereInput(InferenceIdleProduct, $"{samples} * {deviceTime} * (1 - {occupancy}) / {occupancy} * {power}");
    }

    // A functional unit counted in a service other than requests (tokens, images, GPU time): one unit of that service
    // takes 1 / service_per_request served requests. Kept as a process of its own, with service_per_request a parameter,
    // so its uncertainty is sampled and an alternative can override it like any other input.

    /// <summary>
    /// Adds the served-service process in <paramref name="serviceUnit"/> (a coherent unit: token, image or s) and
    /// returns its product id; null when the served request could not be built (its errors are already reported).
    /// </summary>
    public string? AddServedService(Datum servicePerRequest, Unit serviceUnit)
    {
        var perRequest = parameters.Add("inference.service_per_request", servicePerRequest, serviceUnit.Dimension / PerRequest,
            $"the {ServiceUnits.Name(serviceUnit.Dimension)} one request delivers ('{ServiceUnits.Example(serviceUnit.Dimension)}')");
        if (!system.HasProduct(SystemAssembler.ServedRequest))
        {
            return null;
        }
        system.AddProcess(SystemAssembler.ServedService, "served " + serviceUnit.Symbol, serviceUnit, StageKinds.Inference, StageKinds.Inference,
            [new TechnosphereInput(SystemAssembler.ServedRequest, $"1 / {perRequest}")], []);
        return SystemAssembler.ServedService;
    }
}
