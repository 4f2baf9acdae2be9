using Cradle.Core.Units;
using Cradle.Studies.Definition;
using Cradle.Syntax;

namespace Cradle.Studies.Compilation;

/// <summary>How a stated energy becomes the IT energy a stage (or a request) consumes.</summary>
/// <param name="parameters">Where the stated values become parameters.</param>
/// <param name="problems">Where form errors and warnings go.</param>
/// <param name="ensureHardware">Adds a hardware's parameters (node power, devices per node) when an expression uses them.</param>
internal sealed class EnergyExpressions(ParameterCollector parameters, ProblemList problems, Action<HardwareDefinition> ensureHardware)
{
    private static readonly Dimension PerToken = Dimension.Of(BaseDimension.Token);

    /// <summary>
    /// The IT energy consumed, as an expression: the stated energy, or device time × average power; divided by PUE
    /// when it was facility energy (the IT-energy process multiplies PUE back); plus node power × device time ÷ devices
    /// per node when it covered the accelerators only and the hardware states its node power.
    /// </summary>
    /// <param name="energy">The energy definition.</param>
    /// <param name="prefix">Parameter name prefix, e.g. "stages.pre-training" or "inference".</param>
    /// <param name="deviceTime">The device time expression, if any (per run, or per request for inference).</param>
    /// <param name="hardware">The hardware, if any.</param>
    /// <param name="site">The site.</param>
    /// <param name="nodePowerAdded">Whether node power was added.</param>
    /// <param name="perUnit">Dimension the energy is divided by: none for a stage, requests or tokens for inference.</param>
    /// <param name="energyName">Parameter name for the stated energy.</param>
    public string? For(
        EnergyDefinition energy, string prefix, string? deviceTime, HardwareDefinition? hardware, SiteDefinition? site,
        out bool nodePowerAdded, Dimension? perUnit = null, string energyName = "energy")
    {
        nodePowerAdded = false;
        var per = perUnit ?? Dimension.None;
        var perWord = perUnit is null ? "" : per == PerToken ? " per token" : " per request";
        string expression;
        if (energy.Value is not null)
        {
            expression = parameters.Add(ParameterCollector.NameFor(prefix, energyName), energy.Value, Dimension.Energy / per, $"an energy{perWord} (kWh{(perUnit is null ? "" : per == PerToken ? "/token" : "/request")})");
        }
        else if (energy.AveragePower is not null && per == PerToken)
        {
            problems.Error("energy-form", energy.Location, $"{prefix}.{energyName}",
                "an energy per token cannot be modelled from average power (power × time gives an energy per request); give 'value', or use 'energy_per_request' with 'average_power'.");
            return null;
        }
        else if (energy.AveragePower is not null && deviceTime is not null)
        {
            var power = parameters.Add(ParameterCollector.NameFor(prefix, "average_power"), energy.AveragePower, Dimension.Power, "an average power per device (W)");
            expression = $"{deviceTime} * {power}";
        }
        else
        {
            if (energy.AveragePower is not null)
            {
                problems.Error("missing-field", energy.Location, $"{prefix}.device_time",
                    "energy modelled from average power needs the device time (per request for inference) to multiply it by.");
            }
            return null;
        }
        if (energy.Boundary == EnergyBoundary.Facility && site is not null)
        {
            expression = $"({expression}) / {ParameterCollector.NameFor("sites", site.Id, "pue")}";
        }
        if (energy.Boundary == EnergyBoundary.Gpu)
        {
            if (hardware?.NodePower is not null && deviceTime is not null && per != PerToken)
            {
                ensureHardware(hardware);
                expression = $"{expression} + {deviceTime} * {ParameterCollector.NameFor("hardware", hardware.Id, "node", "power")} / {ParameterCollector.NameFor("hardware", hardware.Id, "per_node")}";
                nodePowerAdded = true;
            }
            else if (!(per == PerToken && hardware?.NodePower is not null)) // per token, the caller adds node power per request
            {
                problems.Warning("gpu-only-energy", energy.Location, $"{prefix}.{energyName}",
                    "this energy covers the accelerators only; CPUs, memory and networking are not counted (a lower bound). Give the hardware's node power to add them.");
            }
        }
        return expression;
    }
}
