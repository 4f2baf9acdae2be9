using System.CommandLine;
using System.Globalization;
using Cradle.Catalog;
using Cradle.Catalog.Model;
using Cradle.Import.Slurm;

namespace Cradle.Cli.Importing;

/// <summary>The reading and modelling options of <c>cradle import slurm</c>, and their checks.</summary>
internal sealed class SlurmCommandOptions
{
    public Option<string> Delimiter { get; } = new("--delimiter")
    {
        Description = "The field separator the output was written with (sacct --delimiter; sacct's own is '|').",
        HelpName = "TEXT",
        DefaultValueFactory = _ => "|",
    };

    public Option<string?> Fields { get; } = new("--fields")
    {
        Description = "For output written with --noheader: the fields, comma-separated, exactly as given to 'sacct --format' (a file with a header line uses its header).",
        HelpName = "LIST",
    };

    public Option<string> TimeZone { get; } = new("--time-zone")
    {
        Description = "The time zone sacct printed Start and End in (it writes local times without a zone), an IANA id such as " +
            "Europe/Oslo; the summary states the zone used. JSON times are absolute and need none.",
        HelpName = "ZONE",
        DefaultValueFactory = _ => "UTC",
    };

    public Option<string[]> Gpu { get; } = new("--gpu")
    {
        Description = "The catalog accelerator behind a gres type, as TYPE=ID (e.g. a100_80=nvidia-a100-pcie-80gb), or ID alone for " +
            "GPUs of no stated type (gres/gpu=N). A type without a mapping is looked up among the catalog's ids and aliases; " +
            "a job whose GPUs match nothing is listed and skipped. Repeat for several.",
        HelpName = "[TYPE=]ID",
        DefaultValueFactory = _ => [],
        AllowMultipleArgumentsPerToken = false,
    };

    public Option<string?> Cpu { get; } = new("--cpu")
    {
        Description = "The catalog CPU of the nodes (sacct does not record it), to model CPU energy as allocated CPUs × elapsed × " +
            "TDP per logical CPU × utilisation. Without it CPU energy is unavailable (the CPU-hours are kept).",
        HelpName = "ID",
    };

    public Option<double> GpuUtilisation { get; } = new("--gpu-utilisation")
    {
        Description = "Fraction of rated GPU power drawn while allocated, in (0, 1]. 1 is Green Algorithms' usage factor " +
            "(Lannelongue et al. 2021), an upper bound, since sacct records allocation, not use.",
        HelpName = "U",
        DefaultValueFactory = _ => SlurmImportOptions.DefaultUtilisation,
    };

    public Option<double> CpuUtilisation { get; } = new("--cpu-utilisation")
    {
        Description = "Fraction of rated CPU power drawn while allocated, in (0, 1], as --gpu-utilisation.",
        HelpName = "U",
        DefaultValueFactory = _ => SlurmImportOptions.DefaultUtilisation,
    };

    public Option<string?> EnergyPlugin { get; } = new("--energy-plugin")
    {
        Description = "The cluster's acct_gather_energy plugin (rapl, ipmi, pm_counters, gpu), when known: it says what " +
            "ConsumedEnergy covers and is written into each measured sensor. sacct output does not record it.",
        HelpName = "NAME",
    };

    private static readonly string[] Accelerators = [CatalogKinds.Accelerator];
    private static readonly string[] Cpus = [CatalogKinds.Cpu];

    /// <summary>The options, or null after reporting the first invalid one.</summary>
    public SlurmImportOptions? Read(ParseResult parse, ReferenceCatalog catalog, TextWriter error)
    {
        var delimiter = parse.GetValue(Delimiter)!;
        if (delimiter.Length == 0)
        {
            return Fail(error, "--delimiter expects the separator sacct was given; got an empty one.");
        }
        IReadOnlyList<string>? fields = null;
        if (parse.GetValue(Fields) is { } list)
        {
            fields = list.Split(',', StringSplitOptions.TrimEntries);
            if (fields.Any(f => f.Length == 0))
            {
                return Fail(error, $"--fields '{list}' has an empty field name; give the list as passed to 'sacct --format'.");
            }
        }
        TimeZoneInfo zone;
        try
        {
            zone = TimeZoneInfo.FindSystemTimeZoneById(parse.GetValue(TimeZone)!);
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return Fail(error, $"--time-zone '{parse.GetValue(TimeZone)}' is not a time zone of this system (use an IANA id such as Europe/Oslo, or UTC).");
        }
        var gpus = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var item in parse.GetValue(Gpu)!)
        {
            var eq = item.IndexOf('=', StringComparison.Ordinal);
            var (type, id) = eq < 0 ? ("", item) : (item[..eq], item[(eq + 1)..]);
            if (catalog.Find(id, Accelerators) is not { } entry)
            {
                var near = catalog.Suggest(id, Accelerators);
                return Fail(error, $"--gpu {item}: '{id}' is not a catalog accelerator{(near.Count > 0 ? $"; did you mean {string.Join(", ", near)}?" : "")} See 'cradle catalog list accelerator'.");
            }
            if (!gpus.TryAdd(type, entry.Id))
            {
                return Fail(error, $"--gpu names {(type.Length == 0 ? "GPUs of no stated type" : $"gres type '{type}'")} twice.");
            }
        }
        var cpu = parse.GetValue(Cpu);
        if (cpu is not null && catalog.Find(cpu, Cpus) is null)
        {
            var near = catalog.Suggest(cpu, Cpus);
            return Fail(error, $"--cpu '{cpu}' is not a catalog CPU{(near.Count > 0 ? $"; did you mean {string.Join(", ", near)}?" : ".")}");
        }
        var gpuUse = parse.GetValue(GpuUtilisation);
        var cpuUse = parse.GetValue(CpuUtilisation);
        if (!(gpuUse is > 0 and <= 1) || !(cpuUse is > 0 and <= 1))
        {
            return Fail(error, string.Create(CultureInfo.InvariantCulture,
                $"--gpu-utilisation and --cpu-utilisation are fractions in (0, 1]; got {gpuUse} and {cpuUse}."));
        }
        return new SlurmImportOptions(catalog)
        {
            Delimiter = delimiter, Fields = fields, TimeZone = zone, GpuDevices = gpus, CpuDevice = cpu is null ? null : catalog.Find(cpu, Cpus)!.Id,
            GpuUtilisation = gpuUse, CpuUtilisation = cpuUse, EnergyPlugin = parse.GetValue(EnergyPlugin),
        };
    }

    private static SlurmImportOptions? Fail(TextWriter error, string message)
    {
        error.WriteLine($"cradle: {message} Nothing was imported.");
        return null;
    }
}
