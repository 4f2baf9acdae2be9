using Cradle.Results.Json;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Cradle.Store;

namespace Cradle.Cli.Rendering;

/// <summary>Writes runs, their sensors and samples for <c>cradle runs</c>: tables for people, JSON and CSV for programs.</summary>
internal static class RunsRenderer
{
    public static void ListTable(IReadOnlyList<Run> runs, TextWriter output)
    {
        if (runs.Count == 0)
        {
            output.WriteLine("No runs in the store.");
            return;
        }
        // The job column only when a run has a job, so a store without jobs reads as before.
        var jobs = runs.Any(r => r.JobId is not null);
        var jobHeader = jobs ? $"{"JOB",-12} " : "";
        output.WriteLine($"{"ID",-22} {"NAME",-16} {jobHeader}{"STATUS",-11} {"STARTED (UTC)",-19} {"DURATION",9} {"EXIT",4}  COMMAND");
        foreach (var r in runs)
        {
            var job = jobs ? $"{r.JobId ?? "-",-12} " : "";
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{r.Id,-22} {r.Name ?? "-",-16} {job}{Status(r.Status),-11} {r.StartedUtc:yyyy-MM-dd HH:mm:ss} {Duration(r),9} {r.ExitCode?.ToString(CultureInfo.InvariantCulture) ?? "-",4}  {r.CommandLine}"));
        }
    }

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

    public static void ShowTable(
        Run run, IReadOnlyList<Sensor> sensors, IReadOnlyList<Sample> samples, IReadOnlyList<IdleReading> idle, TextWriter output)
    {
        output.WriteLine($"Run {run.Id}{(run.Name is null ? "" : $" ({run.Name})")}");
        output.WriteLine($"  command:   {run.CommandLine}");
        output.WriteLine($"  host:      {run.Host}, writer pid {run.WriterProcessId.ToString(CultureInfo.InvariantCulture)}");
        output.WriteLine($"  directory: {run.WorkingDirectory}");
        if (run.JobId is not null)
        {
            output.WriteLine($"  job:       {run.JobId} ('cradle runs show --job {run.JobId}' sums its nodes)");
        }
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  started:   {run.StartedUtc:yyyy-MM-dd HH:mm:ss.fff} UTC"));
        output.WriteLine(run.EndedUtc is { } ended
            ? string.Create(CultureInfo.InvariantCulture, $"  ended:     {ended:yyyy-MM-dd HH:mm:ss.fff} UTC ({Duration(run)})")
            : "  ended:     -");
        output.WriteLine($"  status:    {Status(run.Status)}{(run.ExitCode is { } code ? ", exit code " + code.ToString(CultureInfo.InvariantCulture) : "")}");
        var i = run.Inference;
        if (i != InferenceMetadata.None)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  inference: requests {i.Requests?.ToString(CultureInfo.InvariantCulture) ?? "-"}, model {i.Model ?? "-"}, parameters {i.ParameterCount?.ToString("G4", CultureInfo.InvariantCulture) ?? "-"}, precision {i.Precision ?? "-"}, task {i.Task ?? "-"}"));
        }
        output.WriteLine("  sensors:");
        foreach (var s in sensors)
        {
            var (count, energy) = Energy(s, samples);
            var text = energy is { } j ? string.Create(CultureInfo.InvariantCulture, $"{j:0.###} J") : "energy unavailable";
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    {s.Id} [{Provenance(s.Provenance)}, {s.Kind}] {s.Device}: {text}, {count} samples"));
            if (NetOfIdle(s, samples, idle) is { } net)
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"        net of idle: {net.Joules:0.###} J (idle {net.Idle.PowerWatts:0.###} W × {net.Window.TotalSeconds:0.###} s sampled)"));
            }
            output.WriteLine($"        {s.Description}");
        }
        if (idle.Count > 0)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  idle baseline, measured before the command ({idle[0].Duration.TotalSeconds:0.###} s):"));
            foreach (var reading in idle)
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"    {reading.SensorId}: {reading.PowerWatts:0.###} W ({reading.EnergyJoules:0.###} J)"));
            }
        }
        var total = sensors.Select(s => Energy(s, samples).Joules).Where(e => e is not null).ToList();
        output.WriteLine(total.Count == 0
            ? "  total energy: unavailable (no sensor has an energy figure)"
            : string.Create(CultureInfo.InvariantCulture, $"  total energy: {total.Sum(e => e!.Value):0.###} J over {total.Count} of {sensors.Count} sensors"));
    }

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
            var (count, energy) = Energy(s, samples);
            json.WriteStartObject();
            json.WriteString("id", s.Id);
            json.WriteString("kind", s.Kind);
            json.WriteString("device", s.Device);
            json.WriteString("provenance", Provenance(s.Provenance));
            json.WriteString("description", s.Description);
            json.WriteNumber("samples", count);
            json.WriteNumberOrNull("energy_j", energy);
            json.WriteNumberOrNull("net_of_idle_energy_j", NetOfIdle(s, samples, idle)?.Joules);
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

    /// <summary>
    /// A sensor's energy net of its idle baseline: gross − idle power × the sampled window (its last energy sample's
    /// offset, since offsets count from the sampler's start, after the idle window). Null without a baseline or energy.
    /// </summary>
    private static (double Joules, IdleReading Idle, TimeSpan Window)? NetOfIdle(
        Sensor sensor, IReadOnlyList<Sample> samples, IReadOnlyList<IdleReading> idle)
    {
        var last = samples.LastOrDefault(x => x.SensorId == sensor.Id && x.EnergyJoules is not null);
        var baseline = idle.FirstOrDefault(i => i.SensorId == sensor.Id);
        if (last is null || baseline is null)
        {
            return null;
        }

        var window = TimeSpan.FromSeconds(last.OffsetSeconds);
        return (baseline.Net(last.EnergyJoules!.Value, window), baseline, window);
    }

    public static void SamplesCsv(IReadOnlyList<Sample> samples, TextWriter output)
    {
        output.WriteLine("run_id,sensor_id,offset_s,energy_j,power_w,temperature_c,utilisation");
        foreach (var s in samples)
        {
            output.WriteLine(string.Join(',', Csv(s.RunId), Csv(s.SensorId), Cell(s.OffsetSeconds), Cell(s.EnergyJoules),
                Cell(s.PowerWatts), Cell(s.TemperatureCelsius), Cell(s.Utilisation)));
        }
    }

    public static void SamplesJson(IReadOnlyList<Sample> samples, TextWriter output) => Json(output, json =>
    {
        json.WriteStartObject();
        json.WriteString("schema", "cradle.samples/1");
        json.WriteStartArray("samples");
        foreach (var s in samples)
        {
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
        json.WriteEndArray();
        json.WriteEndObject();
    });

    /// <summary>A sensor's sample count and energy: its last non-null cumulative energy reading (null when none).</summary>
    private static (int Count, double? Joules) Energy(Sensor sensor, IReadOnlyList<Sample> samples)
    {
        var own = samples.Where(x => x.SensorId == sensor.Id).ToList();
        return (own.Count, own.LastOrDefault(x => x.EnergyJoules is not null)?.EnergyJoules);
    }

    private static void WriteRun(Utf8JsonWriter json, Run r)
    {
        json.WriteStartObject();
        json.WriteString("id", r.Id);
        json.WriteStringOrNull("name", r.Name);
        json.WriteStringOrNull("job_id", r.JobId);
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

    private static string Status(RunStatus status) => status.ToString().ToLowerInvariant();

    private static string Provenance(SensorProvenance provenance) => provenance.ToString().ToLowerInvariant();

    private static string Duration(Run r) => r.EndedUtc is { } ended
        ? ((ended - r.StartedUtc).TotalSeconds).ToString("0.###", CultureInfo.InvariantCulture) + " s"
        : "-";

    private static string Cell(double? value) => value?.ToString("R", CultureInfo.InvariantCulture) ?? "";

    private static string Csv(string text) =>
        text.AsSpan().IndexOfAny(",\"\n\r") < 0 ? text : "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";



    private static void Json(TextWriter output, Action<Utf8JsonWriter> write)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            write(json);
        }
        output.WriteLine(Encoding.UTF8.GetString(stream.ToArray()));
    }
}
