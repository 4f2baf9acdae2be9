using Cradle.Core.Model;
using Cradle.Core.Units;
using Cradle.Studies.Definition;
using Cradle.Syntax;

namespace Cradle.Studies.Compilation;

/// <summary>
/// The product system under construction, shared by the supply chains, the development stages and the serving: its
/// products and processes, the stage instance of each process, the energy conventions and chains, the hardware in use,
/// and the inputs (sites, devices, hardware) whose parameters are added once, on first use.
/// </summary>
internal sealed class SystemUnderConstruction(StudyDefinition study, ParameterCollector parameters, DefinitionLookup definitions)
{
    private readonly Dictionary<string, Product> _products = new(StringComparer.Ordinal);
    private readonly List<Process> _processes = [];
    private readonly HashSet<string> _ensured = new(StringComparer.Ordinal);

    public IReadOnlyCollection<Product> Products => _products.Values;

    public IReadOnlyList<Process> Processes => _processes;

    public List<EnergyConvention> Conventions { get; } = [];

    /// <summary>Each scope's IT-energy and grid-electricity processes, to read the energy drawn from the solved system.</summary>
    public List<EnergyChain> EnergyChains { get; } = [];

    /// <summary>Hardware in use, by scope: the device's name, devices per node, lifespan (as written).</summary>
    public List<HardwareUse> HardwareUsed { get; } = [];

    /// <summary>
    /// The stage instance each process belongs to, by process id: the stage's id as written under <c>stages:</c>,
    /// or <c>inference</c>. A process's <see cref="Process.Stage"/> is only the kind; this tells two stages of one
    /// kind apart.
    /// </summary>
    public Dictionary<string, string> ProcessScopes { get; } = new(StringComparer.Ordinal);

    public static string P(params string[] parts) => ParameterCollector.NameFor(parts);

    /// <summary>The water formula of the study, or of the alternative being compiled.</summary>
    public WaterConvention Water => study.Water;

    /// <summary>Whether the system has a process making <paramref name="productId"/>.</summary>
    public bool HasProduct(string productId) => _products.ContainsKey(productId);

    public void AddProcess(string productId, string name, Unit unit, string stage, string scope, IReadOnlyList<TechnosphereInput> inputs, IReadOnlyList<BiosphereExchange> flows)
    {
        ProcessScopes[productId] = scope;
        _products[productId] = new Product(productId, name, unit);
        _processes.Add(new Process(productId, name, productId, stage, inputs, flows));
    }

    /// <summary>True the first time a key (a site, grid, device or warning) is seen, so each is added once.</summary>
    public bool FirstTime(string key) => _ensured.Add(key);

    /// <summary>A device defined in the study, or else the catalog's; a catalog device is added to the system on first use.</summary>
    public DeviceDefinition? FindDevice(string id, SourceLocation location, string field)
    {
        var device = definitions.Device(id, location, field, out var firstCatalogUse);
        if (firstCatalogUse)
        {
            EnsureDevice(device!);
        }
        return device;
    }

    public SiteDefinition? Site(string id, SourceLocation location, string field) =>
        definitions.Site(id, location, field);

    public (HardwareDefinition?, DeviceDefinition?) Hardware(string? id, SourceLocation location, string field)
    {
        if (id is null)
        {
            return (null, null);
        }
        var hardware = definitions.Lookup(study.Hardware, h => h.Id, id, "hardware", location, field);
        var device = hardware is null ? null
            : FindDevice(hardware.DeviceId, hardware.DeviceLocation, $"hardware.{hardware.Id}.device");
        return (hardware, device);
    }

    public void EnsureDevice(DeviceDefinition device)
    {
        if (!FirstTime($"device:{device.Id}"))
        {
            return;
        }
        if (device.Power is not null)
        {
            parameters.Add(P("devices", device.Id, "power"), device.Power, Dimension.Power, "a power (W)");
        }
        if (device.PeakCompute is not null)
        {
            parameters.Add(P("devices", device.Id, "peak_compute"), device.PeakCompute, DevelopmentStages.Flops / Dimension.Time, "a compute rate ('989 TFLOP/s')");
        }
    }

    public void EnsureSite(SiteDefinition site)
    {
        if (!FirstTime($"site:{site.Id}"))
        {
            return;
        }
        // Null only when the site's data-centre profile could not be resolved, an error already reported.
        if (site.Pue is not null)
        {
            parameters.Add(P("sites", site.Id, "pue"), site.Pue, Dimension.None, "a power usage effectiveness (a ratio ≥ 1)");
        }
        if (site.Wue is not null)
        {
            parameters.Add(P("sites", site.Id, "wue"), site.Wue, Dimension.Volume / Dimension.Energy, "a water use per kWh (L/kWh)");
        }
        if (site.OffsiteWater is not null)
        {
            parameters.Add(P("sites", site.Id, "offsite_water"), site.OffsiteWater, Dimension.Volume / Dimension.Energy, "a water use per kWh (L/kWh)");
        }
    }

    public void EnsureHardware(HardwareDefinition hardware)
    {
        if (!FirstTime($"hardware:{hardware.Id}"))
        {
            return;
        }
        parameters.Add(P("hardware", hardware.Id, "per_node"), hardware.PerNode, Dimension.None, "a number of devices per node");
        parameters.Add(P("hardware", hardware.Id, "lifespan"), hardware.Lifespan, Dimension.Time, "a lifespan (a time, e.g. '4 year')");
        parameters.Add(P("hardware", hardware.Id, "utilisation"), hardware.Utilisation, Dimension.None, "a utilisation (a share between 0 and 1)");
        if (hardware.NodePower is not null)
        {
            parameters.Add(P("hardware", hardware.Id, "node", "power"), hardware.NodePower, Dimension.Power, "a power (W)");
        }
    }
}
