using Cradle.Core.Parameters;
using Cradle.Studies.Definition;
using Cradle.Syntax;

namespace Cradle.Studies.Reading;

/// <summary>
/// Reads <c>inference.fleets</c>: the serving fleets of the model's life, each with the hardware, site, energy, device
/// time, idle time and batching it serves with, and its part of the traffic (<c>share</c> or <c>requests</c>). A fleet
/// inherits every serving field it does not write from <c>inference</c>; the request's own fields (tokens, samples,
/// refinement rounds, retrieval, tool calls, draft) and <c>lifetime_requests</c> are written at <c>inference</c> only.
/// </summary>
internal static class FleetReader
{
    /// <summary>The serving fields a fleet may write in place of the inherited ones.</summary>
    private static readonly string[] ServingKeys =
        ["hardware", "site", "energy_per_request", "energy_per_token", "device_time_per_request", "idle", "allocation", "latency", "batch_size", "devices_per_replica"];

    /// <summary>Every field of a fleet.</summary>
    private static readonly string[] Keys = [.. ServingKeys, "share", "requests", "years", "source"];

    /// <summary>
    /// The fleets of <paramref name="i"/> (the <c>inference</c> mapping), each with its serving merged over
    /// <paramref name="inference"/>; empty when <c>fleets</c> is not written.
    /// </summary>
    public static List<FleetDefinition> Read(MappingReader i, InferenceDefinition inference, string? source, RunReferences runs)
    {
        var fleets = new List<FleetDefinition>();
        foreach (var (id, location, fields) in i.EntryMappings("fleets", "a serving fleet (a mapping with hardware, site, energy and share or requests)"))
        {
            if (Read(new MappingReader(fields, $"inference.fleets.{id}", i.File, i.Problems, Keys, $"serving fleet '{id}'"), id, location, inference, source, runs) is { } fleet)
            {
                fleets.Add(fleet);
            }
        }
        if (i.Has("fleets") && fleets.Count == 0 && i.Mapping("fleets") is { Children.Count: 0 })
        {
            i.Problems.Error("missing-field", i.LocationOf("fleets"), "inference.fleets", "at least one serving fleet, e.g. 'cloud: {site: dc, share: 0.8}'.");
        }
        var forms = fleets.Select(f => f.Share is null ? "requests" : "share").Distinct(StringComparer.Ordinal).ToList();
        if (forms.Count > 1)
        {
            i.Problems.Error("fleet-traffic", i.LocationOf("fleets"), "inference.fleets",
                "every fleet states its traffic the same way: all with 'share' (fractions of the requests summing to 1) or all with 'requests' (their own request counts).");
        }
        return fleets;
    }

    private static FleetDefinition? Read(MappingReader f, string id, SourceLocation location, InferenceDefinition inference, string? inheritedSource, RunReferences runs)
    {
        var path = f.Path;
        var source = f.Text("source") ?? inheritedSource;
        if (f.Has("share") == f.Has("requests"))
        {
            f.Problems.Error("fleet-traffic", f.Location, $"{path}.share",
                "give the fleet's part of the traffic: 'share' (a fraction of the requests, e.g. 0.3) or 'requests' (its own request count, e.g. '2e8 request'), not both.");
        }
        var ownEnergy = f.Has("energy_per_request") || f.Has("energy_per_token");
        if (f.Has("energy_per_request") && f.Has("energy_per_token"))
        {
            f.Problems.Error("energy-form", f.Location, path, "give either 'energy_per_request' or 'energy_per_token', not both.");
        }
        var serving = inference with
        {
            HardwareId = f.Has("hardware") ? f.Text("hardware") : inference.HardwareId,
            HardwareLocation = f.Has("hardware") ? f.LocationOf("hardware") : inference.HardwareLocation,
            SiteId = f.Has("site") ? f.Text("site") : inference.SiteId,
            SiteLocation = f.Has("site") ? f.LocationOf("site") : inference.SiteLocation,
            EnergyPerRequest = ownEnergy ? StageReader.ReadEnergy(f, "energy_per_request", source, runs, RunEnergyUse.PerRequest) : inference.EnergyPerRequest,
            EnergyPerToken = ownEnergy ? StageReader.ReadEnergy(f, "energy_per_token", source, runs, RunEnergyUse.PerToken) : inference.EnergyPerToken,
            DeviceTime = f.Has("device_time_per_request") ? DatumReader.Read(f, "device_time_per_request", source) : inference.DeviceTime,
            Idle = f.Has("idle") ? InferenceReader.ReadIdle(f, $"{path}.idle", source, $"fleet '{id}''s idle time", "serving") : inference.Idle,
            Allocation = f.Has("allocation") ? AllocationKeys.Parse(f.Choice("allocation", AllocationKeys.InferenceNames.ToList())) : inference.Allocation,
            Latency = f.Has("latency") ? DatumReader.Read(f, "latency", source) : inference.Latency,
            BatchSize = f.Has("batch_size") ? DatumReader.Read(f, "batch_size", source) : inference.BatchSize,
            DevicesPerReplica = f.Has("devices_per_replica") ? DatumReader.Read(f, "devices_per_replica", source) : inference.DevicesPerReplica,
            Location = location,
            Fleets = [],
        };
        if (!Check(f, serving, inference))
        {
            return null;
        }
        return new FleetDefinition(id, serving, DatumReader.Read(f, "share", source), DatumReader.Read(f, "requests", source), DatumReader.Read(f, "years", source),
            f.Keys.Where(ServingKeys.Contains).ToHashSet(StringComparer.Ordinal), location);
    }

    /// <summary>The checks <c>inference</c> makes on itself, made on the fleet's serving once merged: what it inherits counts.</summary>
    private static bool Check(MappingReader f, InferenceDefinition serving, InferenceDefinition inference)
    {
        var path = f.Path;
        var ok = true;
        if (serving.SiteId is null)
        {
            f.Problems.Error("missing-field", f.Location, $"{path}.site", "the fleet's serving site id (here or at 'inference.site').");
            ok = false;
        }
        if (serving.HardwareId is not null && serving.DeviceTime is null)
        {
            f.Problems.Error("missing-field", f.Location, $"{path}.device_time_per_request", "accelerator time per request on this fleet's hardware, e.g. '0.0368 s/request'.");
            ok = false;
        }
        if (serving.EnergyPerRequest is null && serving.EnergyPerToken is null)
        {
            f.Problems.Error("energy-form", f.Location, path,
                "give the fleet's energy: 'energy_per_request', or 'energy_per_token' with 'inference.output_tokens' (here or at 'inference').");
            ok = false;
        }
        else if (serving.EnergyPerToken is not null && inference.OutputTokens is null)
        {
            f.Problems.Error("missing-field", f.Location, "inference.output_tokens", "output tokens per request, e.g. '210 token/request', for the fleet's energy per token.");
            ok = false;
        }
        else if (serving.EnergyPerToken is null && (inference.OutputTokens ?? inference.ReasoningTokens ?? inference.RefinementRounds ?? inference.InputTokens) is not null
            || serving.EnergyPerToken is null && inference.Draft is not null)
        {
            f.Problems.Error("per-token-only", f.Location, path,
                "the request is counted in tokens at 'inference' (tokens, refinement rounds or a draft model), and this fleet states an energy per request: give it 'energy_per_token' instead.");
            ok = false;
        }
        return ok;
    }

    /// <summary>
    /// With fleets that state their own requests and no <c>lifetime_requests</c>: the lifetime is their sum, an
    /// expression over their request parameters.
    /// </summary>
    public static Datum LifetimeOf(IReadOnlyList<FleetDefinition> fleets, SourceLocation location) =>
        new(string.Join(" + ", fleets.Select(f => RequestsParameter(f.Id))), location, DataOrigin.Modelled,
            Note: "the sum of the fleets' requests");

    /// <summary>The parameter name of a fleet's request count.</summary>
    public static string RequestsParameter(string fleetId) => $"inference.fleets.{fleetId.Replace('-', '_')}.requests";

    /// <summary>
    /// The fleets merged again over <paramref name="inference"/> once it has changed (an alternative's conventions on
    /// an inherited energy): each fleet keeps the fields it writes itself and inherits the rest anew.
    /// </summary>
    public static InferenceDefinition Rebase(InferenceDefinition inference) => inference.Fleets.Count == 0 ? inference : inference with
    {
        Fleets = inference.Fleets.Select(f =>
        {
            var own = f.Serving;
            bool Owns(string key) => f.Own.Contains(key);
            var ownEnergy = Owns("energy_per_request") || Owns("energy_per_token");
            return f with
            {
                Serving = inference with
                {
                    HardwareId = Owns("hardware") ? own.HardwareId : inference.HardwareId,
                    HardwareLocation = Owns("hardware") ? own.HardwareLocation : inference.HardwareLocation,
                    SiteId = Owns("site") ? own.SiteId : inference.SiteId,
                    SiteLocation = Owns("site") ? own.SiteLocation : inference.SiteLocation,
                    EnergyPerRequest = ownEnergy ? own.EnergyPerRequest : inference.EnergyPerRequest,
                    EnergyPerToken = ownEnergy ? own.EnergyPerToken : inference.EnergyPerToken,
                    DeviceTime = Owns("device_time_per_request") ? own.DeviceTime : inference.DeviceTime,
                    Idle = Owns("idle") ? own.Idle : inference.Idle,
                    Allocation = Owns("allocation") ? own.Allocation : inference.Allocation,
                    Latency = Owns("latency") ? own.Latency : inference.Latency,
                    BatchSize = Owns("batch_size") ? own.BatchSize : inference.BatchSize,
                    DevicesPerReplica = Owns("devices_per_replica") ? own.DevicesPerReplica : inference.DevicesPerReplica,
                    Location = own.Location,
                    Fleets = [],
                },
            };
        }).ToList(),
    };
}
