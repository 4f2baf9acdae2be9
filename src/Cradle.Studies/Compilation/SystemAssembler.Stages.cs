using Cradle.Core.Model;
using Cradle.Core.Units;
using Cradle.Studies.Definition;

namespace Cradle.Studies.Compilation;

/// <summary>Development stages, the trained model, and the served request.</summary>
internal sealed partial class SystemAssembler
{
    private static readonly Dimension PerRequest = Dimension.Of(BaseDimension.Request);
    private static readonly Dimension PerToken = Dimension.Of(BaseDimension.Token);
    private static readonly Dimension Flops = Dimension.Of(BaseDimension.FloatingPointOperation);

    private readonly Dictionary<string, StageAmounts?> _amounts = new(StringComparer.Ordinal);

    /// <summary>What one run of a stage consumes, as expressions, and where.</summary>
    private sealed record StageAmounts(string Energy, string? DeviceTime, SiteDefinition Site, HardwareDefinition? Hardware, DeviceDefinition? Device, EnergyDefinition EnergyDefinition, bool NodePowerAdded);

    /// <summary>Adds the process of one stage run; returns its product id, or null when the stage has errors.</summary>
    private string? AddStage(StageDefinition stage)
    {
        var own = stage.ShareOf is null ? Amounts(stage) : ShareOfAmounts(stage);
        if (own is null)
        {
            return null;
        }
        var inputs = new List<TechnosphereInput>
        {
            new(EnergyChain(stage.Id, stage.Kind, own.Site, own.EnergyDefinition, own.NodePowerAdded), own.Energy),
        };
        if (own.Hardware is not null && own.Device is not null && own.DeviceTime is not null
            && HardwareChain(stage.Id, own.Hardware, own.Device) is { } deviceHour)
        {
            inputs.Add(new TechnosphereInput(deviceHour, own.DeviceTime));
        }
        var product = $"stage:{stage.Id}";
        AddProcess(product, $"{stage.Id} ({stage.Kind}), one run", RunUnit, stage.Kind, inputs, []);
        return product;
    }

    /// <summary>A stage stated as a share of another (experimentation ≈ 50 % of final training): the other's amounts × share.</summary>
    private StageAmounts? ShareOfAmounts(StageDefinition stage)
    {
        var reference = _definitions.Lookup(_study.Stages, s => s.Id, stage.ShareOf!, "stages", stage.Location, $"stages.{stage.Id}.share_of");
        if (reference is null)
        {
            return null;
        }
        if (reference.ShareOf is not null)
        {
            _problems.Error("share-of-share", stage.Location, $"stages.{stage.Id}.share_of",
                $"'{reference.Id}' is itself a share of '{reference.ShareOf}'; a share must refer to a stage with its own energy.");
            return null;
        }
        if (stage.Share is null)
        {
            _problems.Error("missing-field", stage.Location, $"stages.{stage.Id}.share", $"say what share of '{reference.Id}' this stage amounts to, e.g. 0.5.");
            return null;
        }
        if (stage.Energy is not null || stage.DeviceTime is not null)
        {
            _problems.Error("share-with-energy", stage.Location, $"stages.{stage.Id}",
                "a stage stated as a share of another takes its energy and device time from that stage; remove 'energy' and 'device_time', or 'share_of'.");
            return null;
        }
        var baseAmounts = Amounts(reference);
        if (baseAmounts is null)
        {
            return null;
        }
        var share = _parameters.Add(P("stages", stage.Id, "share"), stage.Share, Dimension.None, "a share (a ratio, e.g. 0.5)");
        var repeats = Repeats(stage);
        var site = stage.SiteId is null ? baseAmounts.Site : Site(stage.SiteId, stage.SiteLocation ?? stage.Location, $"stages.{stage.Id}.site");
        var (hardware, device) = stage.HardwareId is null ? (baseAmounts.Hardware, baseAmounts.Device)
            : Hardware(stage.HardwareId, stage.HardwareLocation ?? stage.Location, $"stages.{stage.Id}.hardware");
        return site is null ? null : baseAmounts with
        {
            Hardware = hardware,
            Device = device,
            Energy = $"{share} * {repeats} * ({baseAmounts.Energy})",
            DeviceTime = baseAmounts.DeviceTime is null ? null : $"{share} * {repeats} * ({baseAmounts.DeviceTime})",
            Site = site,
        };
    }

    private StageAmounts? Amounts(StageDefinition stage)
    {
        if (_amounts.TryGetValue(stage.Id, out var cached))
        {
            return cached;
        }
        _amounts[stage.Id] = null;
        var field = $"stages.{stage.Id}";
        if (stage.SiteId is null || stage.Energy is null)
        {
            _problems.Error("missing-field", stage.Location, stage.SiteId is null ? $"{field}.site" : $"{field}.energy",
                stage.SiteId is null ? "say where the stage ran: a site id." : "give the stage's energy (value or average_power), or make it a share of another stage with 'share_of'.");
            return null;
        }
        var site = Site(stage.SiteId, stage.SiteLocation ?? stage.Location, $"{field}.site");
        var (hardware, device) = Hardware(stage.HardwareId, stage.HardwareLocation ?? stage.Location, $"{field}.hardware");
        var deviceTime = DeviceTime(stage, device);
        var energy = _energy.For(stage.Energy, $"{field}", deviceTime, hardware, site, out var nodePowerAdded);
        if (site is null || energy is null)
        {
            return null;
        }
        if (hardware is not null && deviceTime is null && _boundary.Includes(StageKinds.HardwareManufacture))
        {
            _problems.Warning("missing-device-time", stage.Location, $"{field}.device_time",
                "no device time: the embodied impacts of this stage's hardware are not counted (an underestimate).");
        }
        var repeats = Repeats(stage);
        var amounts = new StageAmounts($"{repeats} * ({energy})", deviceTime is null ? null : $"{repeats} * {deviceTime}",
            site, hardware, device, stage.Energy, nodePowerAdded);
        _amounts[stage.Id] = amounts;
        return amounts;
    }

    private string Repeats(StageDefinition stage) =>
        stage.Repeats is null ? "1" : _parameters.Add(P("stages", stage.Id, "repeats"), stage.Repeats, Dimension.None, "a number of runs");

    /// <summary>Device time: declared, or FLOPs ÷ (peak × MFU) with the peak of the stage or of the device.</summary>
    private string? DeviceTime(StageDefinition stage, DeviceDefinition? device)
    {
        var time = stage.DeviceTime;
        var name = P("stages", stage.Id, "device_time");
        if (time is null)
        {
            return null;
        }
        if (time.Value is not null)
        {
            return _parameters.Add(name, time.Value, Dimension.Time, "a device time (e.g. GPU-hours: '374000 h')");
        }
        if (time.Operations is null || time.Utilisation is null)
        {
            return null;
        }
        var flops = _parameters.Add(P("stages", stage.Id, "flops"), time.Operations, Flops, "a number of floating-point operations ('1.8e23 FLOP')");
        var mfu = _parameters.Add(P("stages", stage.Id, "mfu"), time.Utilisation, Dimension.None, "a model FLOPs utilisation (a share between 0 and 1)");
        string peak;
        if (time.PeakCompute is not null)
        {
            peak = _parameters.Add(P("stages", stage.Id, "peak_compute"), time.PeakCompute, Flops / Dimension.Time, "a compute rate ('989 TFLOP/s')");
        }
        else if (device?.PeakCompute is not null)
        {
            peak = EnsureDevicePeak(device);
        }
        else
        {
            _problems.Error("missing-field", time.Location, $"stages.{stage.Id}.device_time.peak_compute",
                "FLOPs ÷ (peak × MFU) needs the peak compute rate: give 'peak_compute' here or on the device.");
            return null;
        }
        return _parameters.AddDerived(name, $"{flops} / ({peak} * {mfu})", Dimension.Time, "a device time", time.Location,
            "modelled: FLOPs ÷ (peak compute × MFU)");
    }

    private static string EnsureDevicePeak(DeviceDefinition device) => P("devices", device.Id, "peak_compute");

    private void EnsureDevice(DeviceDefinition device)
    {
        if (!FirstTime($"device:{device.Id}"))
        {
            return;
        }
        if (device.Power is not null)
        {
            _parameters.Add(P("devices", device.Id, "power"), device.Power, Dimension.Power, "a power (W)");
        }
        if (device.PeakCompute is not null)
        {
            _parameters.Add(P("devices", device.Id, "peak_compute"), device.PeakCompute, Flops / Dimension.Time, "a compute rate ('989 TFLOP/s')");
        }
    }

    private SiteDefinition? Site(string id, Syntax.SourceLocation location, string field) =>
        _definitions.Site(id, location, field);

    private (HardwareDefinition?, DeviceDefinition?) Hardware(string? id, Syntax.SourceLocation location, string field)
    {
        if (id is null)
        {
            return (null, null);
        }
        var hardware = _definitions.Lookup(_study.Hardware, h => h.Id, id, "hardware", location, field);
        var device = hardware is null ? null
            : FindDevice(hardware.DeviceId, hardware.DeviceLocation, $"hardware.{hardware.Id}.device");
        return (hardware, device);
    }
}
