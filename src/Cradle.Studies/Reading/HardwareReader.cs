using Cradle.Studies.Definition;
using Cradle.Syntax;
using YamlDotNet.RepresentationModel;

namespace Cradle.Studies.Reading;

/// <summary>Reads devices (inline device types) and hardware fleets.</summary>
internal static class HardwareReader
{
    public static IReadOnlyList<DeviceDefinition> ReadDevices(MappingReader study, List<BackgroundLinkDefinition> links)
    {
        var devices = new List<DeviceDefinition>();
        foreach (var (id, location, node) in study.EntryMappings("devices", "the device's fields"))
        {
            var d = new MappingReader(node, $"devices.{id}", study.File, study.Problems,
                ["name", "base", "power", "peak_compute", "embodied", "embodied_estimator", "end_of_life", "source"], "a device");
            var source = d.Text("source");
            devices.Add(new DeviceDefinition(id, d.Text("name"), DatumReader.Read(d, "power", source), DatumReader.Read(d, "peak_compute", source),
                DatumReader.ReadIndicators(d, "embodied", source, new BackgroundLinkSite(links, BackgroundLinkTarget.DeviceEmbodied, id)),
                DatumReader.ReadIndicators(d, "end_of_life", source, new BackgroundLinkSite(links, BackgroundLinkTarget.DeviceEndOfLife, id)), location)
            {
                Base = d.Text("base") is { } baseId ? (baseId, d.LocationOf("base")) : null,
                EmbodiedEstimator = d.Text("embodied_estimator") is { } estimator ? (estimator, d.LocationOf("embodied_estimator")) : null,
            });
        }
        return devices;
    }

    public static IReadOnlyList<HardwareDefinition> ReadHardware(MappingReader study)
    {
        var hardware = new List<HardwareDefinition>();
        foreach (var (id, location, node) in study.EntryMappings("hardware", "the hardware's fields"))
        {
            var h = new MappingReader(node, $"hardware.{id}", study.File, study.Problems,
                ["device", "per_node", "node", "lifespan", "utilisation", "allocation", "idle_power", "source"], "a hardware entry");
            var source = h.Text("source");
            h.Require("device", "the device id");
            h.Require("lifespan", "the service life, e.g. '4 year'");
            var nodeEmbodied = new Dictionary<string, Datum>();
            Datum? nodePower = null;
            (string, SourceLocation)? server = null;
            if (h.Mapping("node") is { } nodeMapping)
            {
                var n = new MappingReader(nodeMapping, $"hardware.{id}.node", study.File, study.Problems, ["server", "embodied", "power", "source"], "a node");
                var nodeSource = n.Text("source") ?? source;
                nodeEmbodied = new Dictionary<string, Datum>(DatumReader.ReadIndicators(n, "embodied", nodeSource));
                nodePower = DatumReader.Read(n, "power", nodeSource);
                server = n.Text("server") is { } serverId ? (serverId, n.LocationOf("server")) : null;
            }
            var lifespan = DatumReader.Read(h, "lifespan", source);
            var device = h.Text("device");
            if (device is null || lifespan is null)
            {
                continue;
            }
            hardware.Add(new HardwareDefinition(id, device, h.LocationOf("device"),
                DatumReader.Read(h, "per_node", source) ?? new Datum("1", h.Location, Core.Parameters.DataOrigin.Declared, Note: "default: one device per node"),
                nodeEmbodied, nodePower, lifespan,
                DatumReader.Read(h, "utilisation", source) ?? new Datum("1", h.Location, Core.Parameters.DataOrigin.Declared, Note: "default: in use over the whole lifespan"),
                location) { Server = server, Allocation = ReadAllocation(h), IdlePower = DatumReader.Read(h, "idle_power", source) });
        }
        return hardware;
    }

    /// <summary>
    /// <c>hardware.ID.allocation</c>: calendar, busy or energy; null when absent or invalid (the error is recorded).
    /// The batch key is the serving's, so it is refused here with where it belongs.
    /// </summary>
    private static AllocationKey? ReadAllocation(MappingReader h)
    {
        if (h.Text("allocation") == "batch")
        {
            h.Problems.Error("unknown-choice", h.LocationOf("allocation"), MappingReader.Join(h.Path, "allocation"),
                "'batch' is the serving's key (a request's share of a batch): write it as 'inference.allocation: batch' with "
                + "'latency' and 'batch_size'; a hardware entry takes calendar, busy or energy.");
            return null;
        }
        return AllocationKeys.Parse(h.Choice("allocation", AllocationKeys.HardwareNames.ToList()));
    }
}
