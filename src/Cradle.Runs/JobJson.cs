using System.Globalization;
using System.Text;
using System.Text.Json;
using Cradle.Results.Json;
using Cradle.Studies.Runs;

namespace Cradle.Runs;

/// <summary>A batch job as <c>cradle.job/1</c>, the same from <c>cradle runs show --job --format json</c> and from
/// <c>GET /api/jobs/{job}</c>: its sums over the nodes, each node's run, and the warnings (docs/run-store.md).</summary>
public static class JobJson
{
    /// <summary>The job as JSON (schema cradle.job/1) to <paramref name="output"/>, with a final newline.</summary>
    /// <param name="job">The job's runs.</param>
    /// <param name="expectedNodes">The node count the job ran on (<c>--nodes</c>, <c>?nodes=</c>); null when not known.</param>
    /// <param name="output">Where to write.</param>
    public static void Write(MeasuredJob job, int? expectedNodes, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            Write(job, expectedNodes, json);
        }
        output.WriteLine(Encoding.UTF8.GetString(stream.ToArray()));
    }

    /// <summary>The job as a cradle.job/1 object written to <paramref name="json"/>.</summary>
    public static void Write(MeasuredJob job, int? expectedNodes, Utf8JsonWriter json)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(json);
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
    }

    /// <summary>What the user must know before trusting the sums: nodes not complete, nodes missing or extra, nodes
    /// without energy; one warning line each.</summary>
    public static IReadOnlyList<string> Flags(MeasuredJob job, int? expectedNodes)
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
    public static string Basis(MeasuredRun run)
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
