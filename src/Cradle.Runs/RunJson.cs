using System.Text;
using System.Text.Json;
using Cradle.Results.Json;
using Cradle.Store;

namespace Cradle.Runs;

/// <summary>The run documents programs read, the same from <c>cradle runs</c> and from <c>cradle serve</c>'s API:
/// <c>cradle.runs/1</c>, <c>cradle.run/1</c> and <c>cradle.samples/1</c> (docs/run-store.md).</summary>
public static class RunJson
{
    /// <summary>Runs as <c>cradle.runs/1</c> (<c>cradle runs list --format json</c>, <c>GET /api/runs</c>).</summary>
    public static void ListJson(IReadOnlyList<Run> runs, TextWriter output) => Json(output, json =>
    {
        json.WriteStartObject();
        json.WriteString("schema", "cradle.runs/1");
        json.WriteStartArray("runs");
        foreach (var r in runs)
        {
            WriteRun(json, r);
        }
        json.WriteEndArray();
        json.WriteEndObject();
    });

    /// <summary>A run with its sensors (samples, energy, net of idle) and idle baseline as <c>cradle.run/1</c>.</summary>
    public static void ShowJson(
        Run run, IReadOnlyList<Sensor> sensors, IReadOnlyList<Sample> samples, IReadOnlyList<IdleReading> idle, TextWriter output) => Json(output, json =>
    {
        json.WriteStartObject();
        json.WriteString("schema", "cradle.run/1");
        json.WritePropertyName("run");
        WriteRun(json, run);
        json.WriteStartArray("sensors");
        foreach (var s in sensors)
        {
            var (count, energy) = RunEnergy.Of(s, samples);
            json.WriteStartObject();
            json.WriteString("id", s.Id);
            json.WriteString("kind", s.Kind);
            json.WriteString("device", s.Device);
            json.WriteString("provenance", Provenance(s.Provenance));
            json.WriteString("description", s.Description);
            json.WriteNumber("samples", count);
            json.WriteNumberOrNull("energy_j", energy);
            json.WriteNumberOrNull("net_of_idle_energy_j", RunEnergy.NetOfIdle(s, samples, idle)?.Joules);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteStartArray("idle_baseline");
        foreach (var reading in idle)
        {
            json.WriteStartObject();
            json.WriteString("sensor_id", reading.SensorId);
            json.WriteNumber("duration_s", reading.Duration.TotalSeconds);
            json.WriteNumber("energy_j", reading.EnergyJoules);
            json.WriteNumber("power_w", reading.PowerWatts);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    });

    /// <summary>Samples as <c>cradle.samples/1</c> (offset s, cumulative energy J, power W, °C, utilisation 0–1; null when unavailable).</summary>
    public static void SamplesJson(IReadOnlyList<Sample> samples, TextWriter output) => Json(output, json =>
    {
        json.WriteStartObject();
        json.WriteString("schema", "cradle.samples/1");
        json.WriteStartArray("samples");
        foreach (var s in samples)
        {
            WriteSample(json, s);
        }
        json.WriteEndArray();
        json.WriteEndObject();
    });


    /// <summary>One sample's fields, as <c>cradle.samples/1</c> and the live event stream write them.</summary>
    public static void WriteSample(Utf8JsonWriter json, Sample s)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(s);
        json.WriteStartObject();
        json.WriteString("run_id", s.RunId);
        json.WriteString("sensor_id", s.SensorId);
        json.WriteNumber("offset_s", s.OffsetSeconds);
        json.WriteNumberOrNull("energy_j", s.EnergyJoules);
        json.WriteNumberOrNull("power_w", s.PowerWatts);
        json.WriteNumberOrNull("temperature_c", s.TemperatureCelsius);
        json.WriteNumberOrNull("utilisation", s.Utilisation);
        json.WriteEndObject();
    }

    /// <summary>One run's fields, as every run document writes them.</summary>
    public static void WriteRun(Utf8JsonWriter json, Run r)
    {
        json.WriteStartObject();
        json.WriteString("id", r.Id);
        json.WriteStringOrNull("name", r.Name);
        json.WriteStringOrNull("job_id", r.JobId);
        json.WriteStartArray("tags");
        foreach (var tag in r.Tags)
        {
            json.WriteStringValue(tag);
        }
        json.WriteEndArray();
        json.WriteString("status", Status(r.Status));
        json.WriteString("command", r.CommandLine);
        json.WriteString("host", r.Host);
        json.WriteString("working_directory", r.WorkingDirectory);
        json.WriteString("started_utc", r.StartedUtc);
        if (r.EndedUtc is { } ended)
        {
            json.WriteString("ended_utc", ended);
        }
        else
        {
            json.WriteNull("ended_utc");
        }
        json.WriteNumberOrNull("exit_code", r.ExitCode);
        json.WriteNumber("writer_pid", r.WriterProcessId);
        json.WriteStringOrNull("site", r.SiteId);
        json.WriteNumberOrNull("requests", r.Inference.Requests);
        json.WriteStringOrNull("model", r.Inference.Model);
        json.WriteNumberOrNull("parameters", r.Inference.ParameterCount);
        json.WriteStringOrNull("precision", r.Inference.Precision);
        json.WriteStringOrNull("task", r.Inference.Task);
        json.WriteEndObject();
    }

    private static void Json(TextWriter output, Action<Utf8JsonWriter> write)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            write(json);
        }
        output.WriteLine(Encoding.UTF8.GetString(stream.ToArray()));
    }

    /// <summary>A run's status as the documents write it: running, complete, interrupted, failed.</summary>
    public static string Status(RunStatus status) => status.ToString().ToLowerInvariant();

    /// <summary>A sensor's provenance as the documents write it: measured, modelled, unavailable.</summary>
    public static string Provenance(SensorProvenance provenance) => provenance.ToString().ToLowerInvariant();
}
