using Cradle.Results.Json;
using System.Globalization;
using System.Text;
using System.Text.Json;
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
            output.WriteLine(Invariant($"    {r.Host,-20} {r.Id,-22} {Status(r.Status),-11} {energy,16}  {Basis(r)}"));
        }
        foreach (var line in Flags(job, expectedNodes))
        {
            output.WriteLine("  " + line);
        }
    }

    /// <summary>The job as JSON (schema cradle.job/1) for programs.</summary>
    public static void Json(MeasuredJob job, int? expectedNodes, TextWriter output)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("schema", "cradle.job/1");
            json.WriteString("job_id", job.JobId);
            json.WriteNumber("nodes", job.Runs.Count);
            json.WriteNumberOrNull("expected_nodes", expectedNodes);
            json.WriteNumberOrNull("missing_nodes", job.Missing(expectedNodes));
            json.WriteNumber("incomplete_nodes", job.Incomplete.Count);
            json.WriteString("started_utc", job.StartedUtc);
            if (job.EndedUtc is { } end)
            {
                json.WriteString("ended_utc", end);
            }
            else
            {
                json.WriteNull("ended_utc");
            }
            json.WriteNumberOrNull("duration_s", job.DurationSeconds);
            json.WriteNumberOrNull("energy_j", job.EnergyJoules);
            json.WriteNumberOrNull("device_hours", job.DeviceHours);
            json.WriteStartArray("energy_by_kind");
            foreach (var (kind, joules, sensors, modelled) in job.EnergyByKind)
            {
                json.WriteStartObject();
                json.WriteString("kind", kind);
                json.WriteNumberOrNull("energy_j", joules);
                json.WriteNumber("sensors", sensors);
                json.WriteBoolean("modelled", modelled);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteStartArray("runs");
            foreach (var r in job.Runs)
            {
                json.WriteStartObject();
                json.WriteString("id", r.Id);
                json.WriteStringOrNull("name", r.Name);
                json.WriteString("host", r.Host);
                json.WriteString("status", Status(r.Status));
                json.WriteNumberOrNull("duration_s", r.DurationSeconds);
                json.WriteNumberOrNull("energy_j", r.EnergyJoules);
                json.WriteNumberOrNull("device_hours", r.DeviceHours);
                json.WriteString("basis", Basis(r));
                json.WriteStringOrNull("origin", r.Origin);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteStartArray("flags");
            foreach (var line in Flags(job, expectedNodes))
            {
                json.WriteStringValue(line);
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        output.WriteLine(Encoding.UTF8.GetString(stream.ToArray()));
    }

    /// <summary>What the user must know before trusting the sums: nodes not complete, nodes missing or extra.</summary>
    private static List<string> Flags(MeasuredJob job, int? expectedNodes)
    {
        var flags = job.Incomplete.Select(r => $"warning: node {r.Host} (run {r.Id}) {Incomplete(r.Status)}; the sums stop at its last saved sample.").ToList();
        if (job.Missing(expectedNodes) is > 0 and var missing)
        {
            flags.Add(Invariant($"warning: {missing} of {expectedNodes} nodes missing: no run of this job from them, so the sums leave them out."));
        }
        else if (expectedNodes is { } n && job.Runs.Count > n)
        {
            flags.Add(Invariant($"warning: {job.Runs.Count} runs for {n} expected nodes: a node measured more than once, or --nodes is wrong."));
        }
        flags.AddRange(job.Runs.Where(r => r.EnergyJoules is null)
            .Select(r => $"warning: node {r.Host} (run {r.Id}) recorded no energy; the sums leave it out."));
        return flags;
    }

    private static string Incomplete(MeasuredRunStatus status) => status switch
    {
        MeasuredRunStatus.Running => "is still running",
        MeasuredRunStatus.Interrupted => "was interrupted",
        _ => "failed",
    };

    /// <summary>measured, modelled or "measured + modelled", by the node's energy sensors; "-" with none.</summary>
    private static string Basis(MeasuredRun run)
    {
        var energetic = run.EnergySensors.ToList();
        return energetic.Count == 0 ? "-"
            : energetic.All(s => s.Modelled) ? "modelled"
            : energetic.Any(s => s.Modelled) ? "measured + modelled"
            : "measured";
    }

    private static string Status(MeasuredRunStatus status) => status.ToString().ToLowerInvariant();

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
