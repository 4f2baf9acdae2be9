using Cradle.Studies.Definition;
using Cradle.Studies.Runs;
using Cradle.Syntax;
using YamlDotNet.RepresentationModel;

namespace Cradle.Studies.Reading;

/// <summary>Reads the development stages and their energy and device-time data.</summary>
internal static class StageReader
{
    private static readonly string[] Boundaries = ["gpu", "node", "facility"];
    private static readonly string[] PueChoices = ["apply", "ignore"];
    private static readonly string[] EnergyKeys = ["boundary", "pue", "average_power"];

    public static IReadOnlyList<StageDefinition> ReadStages(MappingReader study, RunReferences runs, List<BackgroundLinkDefinition> links)
    {
        var stages = new List<StageDefinition>();
        foreach (var (id, location, node) in study.EntryMappings("stages", "the stage's fields"))
        {
            var s = new MappingReader(node, $"stages.{id}", study.File, study.Problems,
                ["kind", "hardware", "site", "energy", "device_time", "repeats", "share_of", "share", "footprint", "idle", "source"], "a stage");
            var source = s.Text("source");
            if (id == StageKinds.Inference)
            {
                study.Problems.Error("reserved-id", location, $"stages.{id}",
                    "'inference' is the id of the serving stage, which goes under 'inference:'; give this stage another id.");
                continue;
            }
            if (s.Has("share") && !s.Has("share_of"))
            {
                study.Problems.Error("share-without-base", s.LocationOf("share"), $"stages.{id}.share",
                    "a share needs 'share_of': the stage it is a share of.");
            }
            var kind = s.Text("kind") ?? (StageKinds.Development.Contains(id) ? id : null);
            if (kind is null)
            {
                study.Problems.Error("missing-field", location, $"stages.{id}.kind",
                    $"say which kind of stage this is: one of {string.Join(", ", StageKinds.Development)}.");
                continue;
            }
            if (!StageKinds.Development.Contains(kind))
            {
                var hint = kind == StageKinds.Inference ? " (serving goes under 'inference:')" : Core.NameSuggestions.Hint(kind, StageKinds.Development);
                study.Problems.Error("unknown-stage", s.LocationOf("kind"), $"stages.{id}.kind",
                    $"'{kind}' is not a development stage kind{hint}; the kinds are: {string.Join(", ", StageKinds.Development)}.");
                continue;
            }
            stages.Add(new StageDefinition(id, kind, s.Text("hardware"), s.Text("site"),
                ReadEnergy(s, "energy", source, runs, RunEnergyUse.Stage), ReadDeviceTime(s, "device_time", source, runs),
                DatumReader.Read(s, "repeats", source), s.Text("share_of"), DatumReader.Read(s, "share", source), location)
            {
                SiteLocation = s.Has("site") ? s.LocationOf("site") : null,
                HardwareLocation = s.Has("hardware") ? s.LocationOf("hardware") : null,
                Footprint = FootprintReader.Read(s, source, link: new BackgroundLinkSite(links, BackgroundLinkTarget.StageFootprint, id)),
                Idle = InferenceReader.ReadIdle(s, $"stages.{id}.idle", source, "the stage's idle nodes", "training"),
            });
        }
        return stages;
    }

    /// <summary>Energy: a scalar, or a mapping with value, average_power or from_run, boundary and pue.</summary>
    public static EnergyDefinition? ReadEnergy(MappingReader parent, string key, string? source, RunReferences runs, RunEnergyUse use)
    {
        var node = parent.Node(key);
        if (node is null)
        {
            return null;
        }
        var path = MappingReader.Join(parent.Path, key);
        if (node is not YamlMappingNode mapping)
        {
            var datum = DatumReader.Read(node, path, parent.File, parent.Problems, source, []);
            return new EnergyDefinition(datum, null, EnergyBoundary.Node, true, node.Location(parent.File));
        }
        var e = new MappingReader(mapping, path, parent.File, parent.Problems, [.. DatumReader.Keys, .. EnergyKeys, .. RunReferences.Keys], "an energy");
        if (RunReferences.Names(e))
        {
            return RunValueReader.Energy(e, runs, use);
        }
        AllowIncompleteOnlyWithRun(e);
        Datum? value = null;
        if (e.Has("value"))
        {
            value = DatumReader.FromMapping(e, source);
        }
        var averagePower = DatumReader.Read(e, "average_power", source);
        if ((value is null) == (averagePower is null))
        {
            parent.Problems.Error("energy-form", e.Location, path,
                "give either 'value' (a declared or measured energy) or 'average_power' (energy modelled as device time × average power), not both or neither.");
        }
        var boundary = e.Choice("boundary", Boundaries) switch
        {
            "gpu" => EnergyBoundary.Gpu,
            "facility" => EnergyBoundary.Facility,
            _ => EnergyBoundary.Node,
        };
        var pue = e.Choice("pue", PueChoices);
        if (boundary == EnergyBoundary.Facility && pue == "apply")
        {
            parent.Problems.Error("pue-twice", e.LocationOf("pue"), $"{path}.pue",
                "a facility-level energy already includes the overhead PUE stands for; applying PUE again would count it twice.");
        }
        // Facility energy is divided by PUE into IT energy, whose supply multiplies PUE back: the grid sees exactly the stated energy.
        return new EnergyDefinition(value, averagePower, boundary, boundary == EnergyBoundary.Facility || pue != "ignore", e.Location)
        {
            PueStated = pue,
            PueLocation = e.Has("pue") ? e.LocationOf("pue") : null,
        };
    }

    /// <summary>Device time: a scalar, or a mapping with value, or with flops, peak_compute and mfu.</summary>
    public static DeviceTimeDefinition? ReadDeviceTime(MappingReader parent, string key, string? source, RunReferences runs)
    {
        var node = parent.Node(key);
        if (node is null)
        {
            return null;
        }
        var path = MappingReader.Join(parent.Path, key);
        if (node is not YamlMappingNode mapping)
        {
            return new DeviceTimeDefinition(DatumReader.Read(node, path, parent.File, parent.Problems, source, []), null, null, null, node.Location(parent.File));
        }
        string[] modelKeys = ["flops", "peak_compute", "mfu"];
        var t = new MappingReader(mapping, path, parent.File, parent.Problems, [.. DatumReader.Keys, .. modelKeys, .. RunReferences.Keys], "a device time");
        if (RunReferences.Names(t))
        {
            return RunValueReader.DeviceTime(t, runs);
        }
        AllowIncompleteOnlyWithRun(t);
        if (t.Has("value"))
        {
            if (modelKeys.Any(t.Has))
            {
                parent.Problems.Error("device-time-form", t.Location, path, "give either 'value' or 'flops' with 'mfu', not both.");
            }
            return new DeviceTimeDefinition(DatumReader.FromMapping(t, source), null, null, null, t.Location);
        }
        t.Require("flops", "the floating-point operations of the work, e.g. '1.8e23 FLOP'");
        t.Require("mfu", "model FLOPs utilisation, the achieved share of peak, e.g. 0.4");
        return new DeviceTimeDefinition(null, DatumReader.Read(t, "flops", source), DatumReader.Read(t, "peak_compute", source),
            DatumReader.Read(t, "mfu", source), t.Location);
    }

    private static void AllowIncompleteOnlyWithRun(MappingReader r)
    {
        if (r.Has("allow_incomplete"))
        {
            r.Problems.Error("from-run-form", r.LocationOf("allow_incomplete"), $"{r.Path}.allow_incomplete",
                "'allow_incomplete' goes with 'from_run' or 'from_job' (a run or job that did not complete); remove it.");
        }
    }
}
