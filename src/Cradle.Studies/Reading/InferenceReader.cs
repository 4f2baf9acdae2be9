using Cradle.Studies.Definition;
using Cradle.Syntax;

namespace Cradle.Studies.Reading;

/// <summary>Reads the serving stage.</summary>
internal static class InferenceReader
{
    public static InferenceDefinition? Read(MappingReader study, RunReferences runs)
    {
        var node = study.Mapping("inference");
        if (node is null)
        {
            return null;
        }
        var i = new MappingReader(node, "inference", study.File, study.Problems,
            ["hardware", "site", "lifetime_requests", "energy_per_request", "energy_per_token", "output_tokens", "reasoning_tokens",
             "device_time_per_request", "samples_per_request", "service_per_request", "idle", "allocation", "latency", "batch_size",
             "devices_per_replica", "source", "fleets", .. RequestWorkReader.Keys], "the inference stage");
        var source = i.Text("source");
        // With fleets, the serving fields at this level are defaults the fleets inherit, and each fleet is checked
        // whole (FleetReader); a lifetime left out is the sum of the fleets' own requests.
        var hasFleets = i.Has("fleets");
        if (!hasFleets)
        {
            i.Require("site", "the serving site id");
            i.Require("lifetime_requests", "the number of requests served over the model's life, e.g. '1e9 request'");
        }
        if (i.Has("hardware") && !hasFleets)
        {
            // Without hardware (manufacture outside the boundary, checked when compiled) no device time is needed.
            i.Require("device_time_per_request", "accelerator time per request, e.g. '0.0368 s/request'");
        }
        var perRequest = StageReader.ReadEnergy(i, "energy_per_request", source, runs, RunEnergyUse.PerRequest);
        var perToken = StageReader.ReadEnergy(i, "energy_per_token", source, runs, RunEnergyUse.PerToken);
        // By the keys written, not the values read: an energy that could not be read (a refused from_run) is reported
        // where it is written, not again as a missing energy.
        var hasPerToken = i.Has("energy_per_token");
        if (i.Has("energy_per_request") == hasPerToken && !(hasFleets && !hasPerToken))
        {
            study.Problems.Error("energy-form", i.Location, "inference",
                "give either 'energy_per_request', or 'energy_per_token' with 'output_tokens' (and optionally 'reasoning_tokens').");
        }
        if (hasPerToken)
        {
            i.Require("output_tokens", "output tokens per request, e.g. '210 token/request'");
        }
        else if (!hasFleets && (i.Has("reasoning_tokens") || i.Has("output_tokens")))
        {
            study.Problems.Error("tokens-without-energy", i.LocationOf(i.Has("reasoning_tokens") ? "reasoning_tokens" : "output_tokens"), "inference",
                "token counts need 'energy_per_token' to turn them into energy; with 'energy_per_request', fold them into that energy.");
        }
        var hardware = i.Text("hardware");
        var site = i.Text("site");
        var lifetime = DatumReader.Read(i, "lifetime_requests", source);
        var deviceTime = DatumReader.Read(i, "device_time_per_request", source);
        if (!hasFleets && (site is null || lifetime is null || (hardware is not null && deviceTime is null)))
        {
            return null;
        }
        var inference = RequestWorkReader.With(new InferenceDefinition(hardware, site, lifetime ?? new Datum("", i.Location) /* replaced in WithFleets */, perRequest, perToken, DatumReader.Read(i, "output_tokens", source),
            DatumReader.Read(i, "reasoning_tokens", source), deviceTime, DatumReader.Read(i, "samples_per_request", source), i.Location)
        {
            ServicePerRequest = DatumReader.Read(i, "service_per_request", source),
            SiteLocation = i.LocationOf("site"),
            HardwareLocation = hardware is null ? null : i.LocationOf("hardware"),
            Idle = ReadIdle(i, source),
            Allocation = ReadAllocation(i),
            Latency = DatumReader.Read(i, "latency", source),
            BatchSize = DatumReader.Read(i, "batch_size", source),
            DevicesPerReplica = DatumReader.Read(i, "devices_per_replica", source),
        }, i, source, runs);
        return hasFleets ? WithFleets(inference, i, lifetime, source, runs) : inference;
    }

    /// <summary>The inference with its fleets; the lifetime, when not written, is the sum of the fleets' requests.</summary>
    private static InferenceDefinition? WithFleets(InferenceDefinition inference, MappingReader i, Datum? lifetime, string? source, RunReferences runs)
    {
        var fleets = FleetReader.Read(i, inference, source, runs);
        if (lifetime is null && fleets.Any(f => f.Share is not null))
        {
            i.Problems.Error("missing-field", i.Location, "inference.lifetime_requests",
                "the number of requests served over the model's life, e.g. '1e9 request': fleets given by their share do not count them.");
            return null;
        }
        if (fleets.Count == 0)
        {
            return null;
        }
        return inference with
        {
            Fleets = fleets,
            LifetimeRequests = lifetime ?? FleetReader.LifetimeOf(fleets, i.Location),
            LifetimeStated = lifetime is not null,
        };
    }

    /// <summary>
    /// <c>inference.allocation</c>: calendar, busy, energy or batch; batch needs the request's latency and the batch size.
    /// </summary>
    private static AllocationKey? ReadAllocation(MappingReader inference)
    {
        var key = AllocationKeys.Parse(inference.Choice("allocation", AllocationKeys.InferenceNames.ToList()));
        if (key == AllocationKey.Batch)
        {
            inference.Require("latency", "the generation time of one request on the devices serving it, e.g. '2.4 s/request' (the batch key's ΔT)");
            inference.Require("batch_size", "the number of requests served together in one batch, e.g. 16 (the batch key's B)");
        }
        return key;
    }

    /// <summary>Reads <c>inference.idle</c>: idle power per device and the fleet's occupancy, both required.</summary>
    private static IdleDefinition? ReadIdle(MappingReader inference, string? inheritedSource) =>
        ReadIdle(inference, "inference.idle", inheritedSource, "the serving fleet's idle time", "serving");

    /// <summary>
    /// Reads an <c>idle</c> mapping at <paramref name="path"/> (<c>inference.idle</c>, <c>stages.ID.idle</c>): idle
    /// power per device and the occupancy, both required; null when absent or in error.
    /// </summary>
    internal static IdleDefinition? ReadIdle(MappingReader owner, string path, string? inheritedSource, string what, string whose)
    {
        var node = owner.Mapping("idle");
        if (node is null)
        {
            return null;
        }
        var idle = new MappingReader(node, path, owner.File, owner.Problems, ["power", "occupancy", "source"], what);
        var source = idle.Text("source") ?? inheritedSource;
        idle.Require("power", $"the idle power of one {whose} device, e.g. '100 W'");
        idle.Require("occupancy", $"the share of the {whose} fleet's time its devices are busy, in (0, 1], e.g. 0.6");
        var power = DatumReader.Read(idle, "power", source);
        var occupancy = DatumReader.Read(idle, "occupancy", source);
        return power is null || occupancy is null ? null : new IdleDefinition(power, occupancy, idle.Location);
    }
}
