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

    /// <summary>For a per-request functional unit without fleets: the products the request process takes directly (equation (1) terms).</summary>
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

    /// <summary>The fleets' request processes, in the order written; empty without <c>inference.fleets</c>.</summary>
    public List<FleetServing> Fleets { get; } = [];

    /// <summary>
    /// Adds the served request; <paramref name="hasTrainedModel"/> when it takes a share of the trained model. With
    /// fleets, one request process per fleet, and the served request takes each fleet's share of them.
    /// </summary>
    public void AddInference(InferenceDefinition inference, bool hasTrainedModel)
    {
        if (inference.Fleets.Count == 0)
        {
            AddRequest(inference, null, hasTrainedModel);
            return;
        }
        AddFleets(inference, hasTrainedModel);
    }

    /// <summary>
    /// The served request as the traffic-weighted sum of the fleets' requests: weight_f ÷ Σ weights of each fleet's
    /// request (weights are shares, or request counts), so that the shares of every Monte Carlo draw add up to 1
    /// (the stated values must already, within <see cref="FleetChecks.Tolerance"/>), and 1 ÷ lifetime of the trained model.
    /// </summary>
    private void AddFleets(InferenceDefinition inference, bool hasTrainedModel)
    {
        var weights = new List<(FleetDefinition Fleet, string Weight)>();
        foreach (var fleet in inference.Fleets)
        {
            var weight = fleet.Share is { } share
                ? parameters.Add(P("inference", "fleets", fleet.Id, "share"), share, Dimension.None, "a share of the requests between 0 and 1 ('0.3')")
                : parameters.Add(P("inference", "fleets", fleet.Id, "requests"), fleet.Requests!, PerRequest, "a number of requests ('2e8 request')");
            if (fleet.Years is { } years)
            {
                parameters.Add(P("inference", "fleets", fleet.Id, "years"), years, Dimension.Time, "a time of service ('3 year')");
            }
            weights.Add((fleet, weight));
        }
        var lifetime = parameters.Add("inference.lifetime_requests", inference.LifetimeRequests, PerRequest, "a number of requests ('1e9 request')");
        var products = new List<string>();
        foreach (var (fleet, weight) in weights)
        {
            var before = system.HasProduct(FleetProduct(fleet.Id));
            AddRequest(fleet.Serving, fleet, hasTrainedModel: false);
            if (!before && system.HasProduct(FleetProduct(fleet.Id)))
            {
                products.Add(FleetProduct(fleet.Id));
                Fleets[^1] = Fleets[^1] with { Weight = weight };
            }
        }
        if (products.Count != weights.Count)
        {
            return; // a fleet could not be built; its errors are reported
        }
        var total = string.Join(" + ", weights.Select(w => w.Weight));
        var inputs = weights.Select(w => new TechnosphereInput(FleetProduct(w.Fleet.Id), $"{w.Weight} / ({total})")).ToList();
        if (hasTrainedModel)
        {
            inputs.Add(new TechnosphereInput(SystemAssembler.TrainedModel, $"1 / {lifetime}"));
        }
        system.AddProcess(SystemAssembler.ServedRequest, "served request", KnownUnits.Request, StageKinds.Inference, StageKinds.Inference, inputs, []);
    }

    /// <summary>The request product of fleet <paramref name="fleetId"/>.</summary>
    public static string FleetProduct(string fleetId) => $"{SystemAssembler.ServedRequest}@{fleetId}";

    /// <summary>
    /// Adds one request process: the served request itself without fleets (<paramref name="fleet"/> null), else the
    /// request on <paramref name="fleet"/>, whose scopes end in <c>@ID</c> and whose own fields' parameters are named
    /// <c>inference.fleets.ID.FIELD</c> (inherited fields keep their <c>inference.FIELD</c> parameter, one for all
    /// fleets). <paramref name="hasTrainedModel"/>: the request takes its share of the trained model (the served
    /// request does, a fleet's request does not: the served request takes it once).
    /// </summary>
    private void AddRequest(InferenceDefinition inference, FleetDefinition? fleet, bool hasTrainedModel)
    {
        var suffix = fleet is null ? "" : "@" + fleet.Id;
        string Prefix(string field) => fleet is not null && fleet.Own.Contains(field) ? P("inference", "fleets", fleet.Id) : "inference";
        string Name(string field) => $"{Prefix(field)}.{field}";
        string Field(string field) => fleet is not null && fleet.Own.Contains(field) ? $"inference.fleets.{fleet.Id}.{field}" : $"inference.{field}";
        var energyPrefix = Prefix(inference.EnergyPerToken is null ? "energy_per_request" : "energy_per_token");
        var site = system.Site(inference.SiteId!, inference.SiteLocation ?? inference.Location, Field("site"));
        if (inference.HardwareId is null && boundary.Includes(StageKinds.HardwareManufacture))
        {
            problems.Error("missing-field", inference.Location, Field("hardware"),
                "the serving hardware id: hardware-manufacture is in the system boundary, and its time share per request needs the hardware (or leave hardware-manufacture out of systemboundary.included).");
            return;
        }
        var (hardware, device) = system.Hardware(inference.HardwareId, inference.HardwareLocation ?? inference.Location, Field("hardware"));
        var lifetime = fleet is not null ? null
            : parameters.Add("inference.lifetime_requests", inference.LifetimeRequests, PerRequest, "a number of requests ('1e9 request')");
        var samples = inference.Samples is null ? "1"
            : parameters.Add("inference.samples_per_request", inference.Samples, Dimension.None, "a number of samples per request (best-of-N)");
        // Null only without hardware: then nothing needs the serving time (no embodied share, no node power).
        var deviceTime = inference.DeviceTime is null ? null : parameters.Add(Name("device_time_per_request"), inference.DeviceTime, Dimension.Time / PerRequest,
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
            var perTokenEnergy = energyExpressions.For(perToken, energyPrefix, null, hardware, site, out _, PerToken, "energy_per_token");
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
            energy = energyExpressions.For(perRequest, energyPrefix, deviceTime, hardware, site, out nodePowerAdded, PerRequest, "energy_per_request");
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
        var energyProduct = chains.EnergyChain(StageKinds.Inference + suffix, StageKinds.Inference, site, energyDefinition, nodePowerAdded);
        inputs.Add(new TechnosphereInput(energyProduct, $"{samples} * ({energy})"));
        var marginalBefore = work.MarginalProducts.Count;
        var embodiedBefore = work.EmbodiedProducts.Count;
        if (generation is not null)
        {
            inputs.AddRange(work.TokenTerms(inference, generation, hardware, site, suffix));
        }
        inputs.AddRange(work.CallTerms(inference, site, suffix));
        string? idleProduct = null;
        if (inference.Idle is { } idle && IdleEnergy(idle, deviceTime, samples, site, energyDefinition, Prefix("idle"), suffix) is { } idleInput)
        {
            idleProduct = idleInput.ProductId;
            inputs.Add(idleInput);
        }
        string? hardwareProduct = null;
        if (hardware is not null && device is not null && deviceTime is not null)
        {
            var key = inference.Allocation ?? hardware.Allocation ?? AllocationKeys.Default;
            hardwareProduct = chains.HardwareChain(StageKinds.Inference + suffix, hardware, device, key);
            if (hardwareProduct is not null)
            {
                if ((key == AllocationKey.Batch ? BatchDeviceTime(inference, Name, Field) : deviceTime) is { } hours)
                {
                    inputs.Add(new TechnosphereInput(hardwareProduct, $"{samples} * {hours}"));
                }
            }
        }
        if (hasTrainedModel)
        {
            inputs.Add(new TechnosphereInput(SystemAssembler.TrainedModel, $"1 / {lifetime}"));
        }
        if (fleet is null)
        {
            InferenceEnergyProduct = energyProduct;
            InferenceIdleProduct = idleProduct;
            InferenceHardwareProduct = hardwareProduct;
            system.AddProcess(SystemAssembler.ServedRequest, "served request", KnownUnits.Request, StageKinds.Inference, StageKinds.Inference, inputs, []);
            return;
        }
        system.AddProcess(FleetProduct(fleet.Id), $"served request on {fleet.Id}", KnownUnits.Request, StageKinds.Inference, StageKinds.Inference + suffix, inputs, []);
        Fleets.Add(new FleetServing(fleet.Id, FleetProduct(fleet.Id), "", fleet.Location, energyProduct, idleProduct, hardwareProduct,
            [.. work.MarginalProducts.Skip(marginalBefore)], [.. work.EmbodiedProducts.Skip(embodiedBefore)]));
    }

    /// <summary>
    /// The device time one request is charged under the batch key, as EcoLogits allocates a request's embodied share
    /// (ΔT ÷ (B × ΔL) of the server, docs/methodology.md): devices per replica × latency ÷ batch size, over the calendar
    /// life (the device-hour's share under this key is 1 ÷ lifespan). It replaces device_time_per_request for the
    /// embodied share only; the energy keeps the device time as written.
    /// </summary>
    private string? BatchDeviceTime(InferenceDefinition inference, Func<string, string> name, Func<string, string> field)
    {
        if (inference.Latency is null || inference.BatchSize is null)
        {
            problems.Error("missing-field", inference.Location, inference.Latency is null ? field("latency") : field("batch_size"),
                "the batch allocation key needs the request's 'latency' (ΔT, e.g. '2.4 s/request') and the 'batch_size' (B, e.g. 16).");
            return null;
        }
        var latency = parameters.Add(name("latency"), inference.Latency, Dimension.Time / PerRequest, "a generation time per request ('2.4 s/request')");
        var batch = parameters.Add(name("batch_size"), inference.BatchSize, Dimension.None, "a number of requests per batch ('16')");
        var devices = parameters.Add(name("devices_per_replica"),
            inference.DevicesPerReplica ?? new Datum("1", inference.Location, Core.Parameters.DataOrigin.Declared, Note: "default: one device per replica"),
            Dimension.None, "a number of devices per replica ('8')");
        return $"({devices} * {latency} / {batch})";
    }

    /// <summary>
    /// The idle energy of one request, through its own energy chain (scope <c>inference-idle</c>, stage inference) so
    /// that it has its own rows: idle time = device time × (1 − occupancy) ÷ occupancy, times the idle power per
    /// device; samples multiply the device time, so they multiply the idle time too. Null (with an error) without device time.
    /// </summary>
    private TechnosphereInput? IdleEnergy(IdleDefinition idle, string? deviceTime, string samples, SiteDefinition site, EnergyDefinition energy, string prefix, string suffix)
    {
        if (deviceTime is null)
        {
            problems.Error("missing-field", idle.Location, $"{prefix}.device_time_per_request",
                "the device time per request: idle time is counted as a share of it (device time × (1 − occupancy) ÷ occupancy).");
            return null;
        }
        var power = parameters.Add($"{prefix}.idle.power", idle.Power, Dimension.Power, "an idle power per device ('100 W')");
        var occupancy = parameters.Add($"{prefix}.idle.occupancy", idle.Occupancy, Dimension.None, "a busy share of serving time in (0, 1] ('0.6')");
        // Same site, grid and PUE choice as the active energy: idle devices sit in the same facility. The idle power is
        // what the study says one device draws, so its convention is device (gpu) energy, without node power added.
        var product = chains.EnergyChain("inference-idle" + suffix, StageKinds.Inference, site, energy with { Boundary = EnergyBoundary.Gpu }, nodePowerAdded: false);
        return new TechnosphereInput(product, $"{samples} * {deviceTime} * (1 - {occupancy}) / {occupancy} * {power}");
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
