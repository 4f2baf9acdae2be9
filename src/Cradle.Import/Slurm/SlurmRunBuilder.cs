using System.Globalization;
using Cradle.Store;

namespace Cradle.Import.Slurm;

/// <summary>
/// Makes a run of a finished job. With ConsumedEnergy, one measured sensor (Slurm's energy accounting), plus one sensor
/// per allocated GPU type without energy, for device time. Without it, one
/// modelled sensor per GPU type (allocated GPUs × elapsed × rated power × utilisation) and a CPU sensor: modelled the
/// same way when the CPU is named (--cpu), else unavailable with its CPU-hours. Samples at 0 and at the elapsed time.
/// </summary>
/// <param name="options">How to model.</param>
/// <param name="origin">The file's part of each run's origin: "slurm sacct: FILE (sha256 HEX12)".</param>
internal sealed class SlurmRunBuilder(SlurmImportOptions options, string origin)
{
    private readonly SlurmDevicePowers powers = new(options.Catalog, options.GpuDevices, options.CpuDevice);

    /// <summary>The run and its summary; null with the reason when a GPU's model cannot be found.</summary>
    public (ImportedRun Run, SlurmJobSummary Summary)? Build(SlurmJob job, out string? why)
    {
        why = null;
        var sensors = new List<Sensor>();
        var samples = new List<ImportedSample>();
        var hours = job.ElapsedSeconds / 3600;
        string provenance;
        if (job.EnergyJoules is { } measured)
        {
            var plugin = options.EnergyPlugin is { } p
                ? $"acct_gather_energy plugin {p}, as given with --energy-plugin"
                : "acct_gather_energy; which plugin is unknown (sacct output does not say: RAPL covers CPU packages and DRAM, IPMI the whole node, gpu the GPUs)";
            sensors.Add(new Sensor("slurm-energy", "slurm-consumed-energy", job.Nodes, SensorProvenance.Measured,
                $"measured by Slurm energy accounting ({plugin}); ConsumedEnergy of the job line, {job.EnergyColumn}, J, over all its nodes"));
            Samples(samples, "slurm-energy", job.ElapsedSeconds, measured, null);
            // The energy is one total; the allocated GPUs still give the job's device time (for its embodied share), so
            // each GPU type is a sensor covering its GPUs, with no energy of its own.
            foreach (var (type, count) in job.Allocation.Gpus.OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                sensors.Add(new Sensor(type.Length == 0 ? "gpu" : $"gpu-{type}", "slurm-allocated-gpu", $"{count} × {(type.Length == 0 ? "GPU" : type)}",
                    SensorProvenance.Measured,
                    $"allocated GPUs from the accounting record (AllocTRES gres/gpu): {count} for {F(hours)} h; no energy of their own, it is inside slurm-energy")
                {
                    Devices = count,
                });
            }
            provenance = "measured";
        }
        else
        {
            foreach (var (type, count) in job.Allocation.Gpus.OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                if (powers.Gpu(type, out why) is not { } gpu)
                {
                    return null;
                }
                var id = type.Length == 0 ? "gpu" : $"gpu-{type}";
                var energy = count * job.ElapsedSeconds * gpu.WattsPerUnit * options.GpuUtilisation;
                sensors.Add(new Sensor(id, "modelled-gpu", $"{count} × {gpu.Name}", SensorProvenance.Modelled,
                    $"modelled: {count} allocated GPU(s) × {F(hours)} h elapsed × {F(gpu.WattsPerUnit)} W × utilisation {F(options.GpuUtilisation)} " +
                    $"({gpu.How}); sacct recorded no energy for the job (no ConsumedEnergy, or 0: energy accounting off)")
                {
                    Devices = count, // the allocated GPUs of this type, so device time counts each of them
                });
                Samples(samples, id, job.ElapsedSeconds, energy, options.GpuUtilisation);
            }
            Cpu(job, hours, sensors, samples);
            provenance = sensors.Any(s => s.Provenance == SensorProvenance.Modelled) ? "modelled" : "unavailable";
        }
        var run = new ImportedRun(
            new NewRun(null, job.Name, job.Nodes, job.Row.FirstNonEmpty("WorkDir")?.Text ?? "(WorkDir not in the sacct output)", 0,
                options.SiteId, InferenceMetadata.None) { JobId = job.Id.GroupId },
            job.StartedUtc, job.EndedUtc ?? job.StartedUtc.AddSeconds(job.ElapsedSeconds), job.Status, job.ExitCode,
            $"{origin} {job.Row.Where} job {job.Row.Cell(SacctFields.JobId)!.Text}", sensors, samples);
        var total = samples.Count == 0 ? (double?)null : samples.Where(s => s.OffsetSeconds > 0).Sum(s => s.EnergyJoules ?? 0);
        var summary = new SlurmJobSummary(job.Row.Cell(SacctFields.JobId)!.Text, job.Row.Where, job.State, job.Nodes,
            job.ElapsedSeconds, job.Allocation.Cpus, job.Allocation.GpuCount, job.Allocation.GpuCount * hours,
            job.Allocation.Cpus * hours, total, provenance, job.Steps.Count);
        return (run, summary);
    }

    private void Cpu(SlurmJob job, double hours, List<Sensor> sensors, List<ImportedSample> samples)
    {
        if (job.Allocation.Cpus is not { } cpus)
        {
            sensors.Add(new Sensor("cpu", "modelled-cpu", "CPUs", SensorProvenance.Unavailable,
                "unavailable: the record gives no allocated CPUs (no cpu= in AllocTRES, no AllocCPUS or NCPUS)"));
            return;
        }
        if (cpus == 0)
        {
            return;
        }
        if (powers.Cpu(out var why) is not { } cpu)
        {
            sensors.Add(new Sensor("cpu", "modelled-cpu", $"{cpus} CPUs", SensorProvenance.Unavailable,
                $"unavailable: {cpus} allocated CPU(s) × {F(hours)} h = {F(cpus * hours)} CPU-hours, energy not modelled: {why}"));
            return;
        }
        var energy = cpus * job.ElapsedSeconds * cpu.WattsPerUnit * options.CpuUtilisation;
        sensors.Add(new Sensor("cpu", "modelled-cpu", $"{cpus} CPUs of {cpu.Name}", SensorProvenance.Modelled,
            $"modelled: {cpus} allocated CPU(s) × {F(hours)} h elapsed × {F(cpu.WattsPerUnit)} W per logical CPU × utilisation " +
            $"{F(options.CpuUtilisation)} ({cpu.How}); sacct recorded no energy for the job"));
        Samples(samples, "cpu", job.ElapsedSeconds, energy, options.CpuUtilisation);
    }

    private static void Samples(List<ImportedSample> samples, string sensor, double seconds, double joules, double? utilisation)
    {
        var watts = joules / seconds;
        samples.Add(new ImportedSample(sensor, 0, 0, watts, null, utilisation));
        samples.Add(new ImportedSample(sensor, seconds, joules, watts, null, utilisation));
    }

    private static string F(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);
}
