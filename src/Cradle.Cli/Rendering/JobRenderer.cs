using System.Globalization;
using Cradle.Studies.Runs;

namespace Cradle.Cli.Rendering;

/// <summary>
/// Writes one batch job for <c>cradle runs show --job</c>: its sums over the nodes (energy per sensor kind, device-hours,
/// first start to last end), each node's run, and the nodes that did not complete or are missing.
/// </summary>
internal static class JobRenderer
{
    /// <summary>The job as a table for people.</summary>
    /// <param name="job">The job's runs.</param>
    /// <param name="expectedNodes">The node count the job ran on (<c>--nodes</c>); null when not known.</param>
    /// <param name="output">Where to write.</param>
    public static void Table(MeasuredJob job, int? expectedNodes, TextWriter output)
    {
        output.WriteLine(Invariant($"Job {job.JobId}: {job.Runs.Count} {(job.Runs.Count == 1 ? "node" : "nodes")}{(expectedNodes is { } n ? $" of {n} expected" : "")}"));
        output.WriteLine(Invariant($"  started:      {job.StartedUtc:yyyy-MM-dd HH:mm:ss.fff} UTC (first node)"));
        output.WriteLine(job.EndedUtc is { } end
            ? Invariant($"  ended:        {end:yyyy-MM-dd HH:mm:ss.fff} UTC (last node; {job.DurationSeconds:0.###} s)")
            : "  ended:        - (a node's end is unknown)");
        output.WriteLine(job.EnergyJoules is { } total
            ? Invariant($"  energy:       {total:0.###} J ({total / 3.6e6:0.######} kWh) over {job.EnergySensors.Count()} of {job.Sensors.Count} sensors")
            : "  energy:       unavailable (no sensor has an energy figure)");
        foreach (var (kind, joules, sensors, modelled) in job.EnergyByKind)
        {
            output.WriteLine(Invariant($"    {kind}: {(joules is { } j ? $"{j:0.###} J" : "energy unavailable")}, {sensors} sensor(s){(modelled ? ", modelled" : "")}"));
        }
        output.WriteLine(job.DeviceHours is { } hours
            ? Invariant($"  device-hours: {hours:0.######} (each node's GPU sensors × its duration)")
            : "  device-hours: - (no GPU sensor, or a GPU node's duration is unknown)");
        output.WriteLine("  nodes:");
        foreach (var r in job.Runs)
        {
            var energy = r.EnergyJoules is { } j ? Invariant($"{j:0.###} J") : "energy unavailable";
            output.WriteLine(Invariant($"    {r.Host,-20} {r.Id,-22} {Status(r.Status),-11} {energy,16}  {Cradle.Runs.JobJson.Basis(r)}"));
        }
        foreach (var line in Cradle.Runs.JobJson.Flags(job, expectedNodes))
        {
            output.WriteLine("  " + line);
        }
    }

    /// <summary>The job as JSON (schema cradle.job/1) for programs: <see cref="Cradle.Runs.JobJson"/>, as the API writes it.</summary>
    public static void Json(MeasuredJob job, int? expectedNodes, TextWriter output) => Cradle.Runs.JobJson.Write(job, expectedNodes, output);

    private static string Status(MeasuredRunStatus status) => status.ToString().ToLowerInvariant();

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
