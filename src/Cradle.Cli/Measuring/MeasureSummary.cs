using System.Globalization;
using System.Text.Json;
using Cradle.Measure.Running;
using Cradle.Measure.Sampling;
using Cradle.Measure.Sensors;
using Cradle.Store;

namespace Cradle.Cli.Measuring;

/// <summary>One sensor's result: its energy over the run (or why there is none) and its mean power.</summary>
/// <param name="Id">Sensor id.</param>
/// <param name="Kind">Stored kind name.</param>
/// <param name="Device">Device label.</param>
/// <param name="Provenance">measured, modelled or unavailable.</param>
/// <param name="Method">counter, power-integrated, instantaneous, modelled or unavailable.</param>
/// <param name="Source">What was read or which figure was used.</param>
/// <param name="Reason">Why this method (or nothing) was used; null for the preferred method.</param>
/// <param name="EnergyJoules">Energy over the run in joules (the last cumulative reading); null when unavailable.</param>
/// <param name="EnergyUnavailableReason">Why <paramref name="EnergyJoules"/> is null.</param>
/// <param name="MeanPowerWatts">Energy ÷ duration in watts; null without energy or duration.</param>
/// <param name="Samples">Samples stored for this sensor.</param>
internal sealed record SensorResult(
    string Id, string Kind, string Device, string Provenance, string Method, string Source, string? Reason,
    double? EnergyJoules, string? EnergyUnavailableReason, double? MeanPowerWatts, int Samples);

/// <summary>
/// What <c>cradle measure</c> reports when the child has ended: the run, its duration, each sensor's energy with its
/// provenance, the total, the energy per request and the sampler's own cost. Written as a table to standard error (the
/// child's standard output stays clean) or as JSON (schema cradle.measurement/1) to standard output.
/// </summary>
internal sealed record MeasureSummary(
    Run Run, ChildExit Exit, TimeSpan Duration, IReadOnlyList<SensorResult> Sensors, SamplerOverhead? Overhead, string? SamplerProblem)
{
    /// <summary>Sum of the sensors' energies in joules; null when no sensor has one.</summary>
    public double? TotalEnergyJoules => Sensors.Any(s => s.EnergyJoules is not null) ? Sensors.Sum(s => s.EnergyJoules ?? 0) : null;

    /// <summary>Sensors with no energy figure (their energy is not in the total).</summary>
    public IReadOnlyList<string> WithoutEnergy => [.. Sensors.Where(s => s.EnergyJoules is null).Select(s => s.Id)];

    /// <summary>Total energy ÷ requests in joules; null without --requests or without energy.</summary>
    public double? EnergyPerRequestJoules => Run.Inference.Requests is { } n && TotalEnergyJoules is { } total ? total / n : null;

    /// <summary>Mean total power in watts; null without energy or duration.</summary>
    public double? MeanPowerWatts => TotalEnergyJoules is { } total && Duration > TimeSpan.Zero ? total / Duration.TotalSeconds : null;

    /// <summary>Builds the per-sensor results from the sink's tallies.</summary>
    public static IReadOnlyList<SensorResult> Results(IReadOnlyList<SensorTally> tallies, TimeSpan duration) =>
        [.. tallies.Select(t =>
        {
            var energy = t.Last?.EnergyJoules;
            var provenance = t.FirstProvenance.Method switch
            {
                ProvenanceMethod.Unavailable => "unavailable",
                ProvenanceMethod.Modelled => "modelled",
                _ => t.Sensor.Kind is SensorKind.ProcessMemory or SensorKind.ProcessCpu ? "modelled" : "measured",
            };
            var joules = energy?.Value;
            return new SensorResult(t.Sensor.Id, StoreSampleSink.KindName(t.Sensor.Kind), t.Sensor.DeviceLabel, provenance,
                StoreSampleSink.MethodName(t.FirstProvenance.Method), t.FirstProvenance.Source, t.FirstProvenance.Reason,
                joules, joules is null ? energy?.UnavailableReason ?? "no reading" : null,
                joules is { } j && duration > TimeSpan.Zero ? j / duration.TotalSeconds : null, t.Samples);
        })];

    /// <summary>The summary for people, on standard error.</summary>
    public void WriteText(TextWriter writer)
    {
        var name = Run.Name is null ? "" : $" '{Run.Name}'";
        writer.WriteLine(Invariant($"cradle: run {Run.Id}{name} {Status(Run.Status)}, exit code {Exit.ExitCode}{(Exit.Signal is { } signal ? $" (signal {signal})" : "")}, {Duration.TotalSeconds:0.###} s"));
        foreach (var s in Sensors)
        {
            var energy = s.EnergyJoules is { } j
                ? Invariant($"{j:0.###} J") + (s.MeanPowerWatts is { } w ? Invariant($", mean {w:0.###} W") : "")
                : "energy unavailable: " + s.EnergyUnavailableReason;
            writer.WriteLine($"  {s.Id} [{s.Provenance}] {s.Device}: {energy}");
            writer.WriteLine($"      {s.Method}: {s.Source}{(s.Reason is { } why ? " — " + why : "")}");
        }

        writer.WriteLine(TotalEnergyJoules is { } total
            ? Invariant($"  total energy: {total:0.###} J") + (MeanPowerWatts is { } p ? Invariant($", mean power {p:0.###} W") : "")
              + (WithoutEnergy.Count > 0 ? $" (not included, no energy figure: {string.Join(", ", WithoutEnergy)})" : "")
            : "  total energy: unavailable (no sensor gave an energy figure)");
        if (Run.Inference.Requests is { } requests)
        {
            writer.WriteLine(EnergyPerRequestJoules is { } perRequest
                ? Invariant($"  energy per request: {perRequest:0.######} J over {requests} requests")
                : Invariant($"  energy per request: unavailable over {requests} requests (no energy figure)"));
        }

        if (Overhead is { } o)
        {
            writer.WriteLine(Invariant($"  sampler overhead: {o.Reads} reads, {o.Samples} samples, {o.ReadingTime.TotalSeconds:0.######} s reading") +
                (o.ShareOfOneCore is { } share ? Invariant($" ({share * 100:0.###} % of one core)") : "") + $" — {o.Method}");
        }

        if (SamplerProblem is not null)
        {
            writer.WriteLine("  sampling failed: " + SamplerProblem);
        }
    }

    /// <summary>The summary as JSON (docs/measurement.md, "cradle measure").</summary>
    public void WriteJson(TextWriter writer)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("schema", "cradle.measurement/1");
            json.WriteString("run_id", Run.Id);
            WriteStringOrNull(json, "name", Run.Name);
            json.WriteString("status", Status(Run.Status));
            json.WriteNumber("exit_code", Exit.ExitCode);
            WriteNumberOrNull(json, "signal", Exit.Signal);
            json.WriteString("command", Run.CommandLine);
            json.WriteNumber("duration_s", Duration.TotalSeconds);
            json.WriteStartArray("sensors");
            foreach (var s in Sensors)
            {
                json.WriteStartObject();
                json.WriteString("id", s.Id);
                json.WriteString("kind", s.Kind);
                json.WriteString("device", s.Device);
                json.WriteString("provenance", s.Provenance);
                json.WriteString("method", s.Method);
                json.WriteString("source", s.Source);
                WriteStringOrNull(json, "reason", s.Reason);
                WriteNumberOrNull(json, "energy_j", s.EnergyJoules);
                WriteStringOrNull(json, "energy_unavailable_reason", s.EnergyUnavailableReason);
                WriteNumberOrNull(json, "mean_power_w", s.MeanPowerWatts);
                json.WriteNumber("samples", s.Samples);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            WriteNumberOrNull(json, "total_energy_j", TotalEnergyJoules);
            json.WriteStartArray("sensors_without_energy");
            foreach (var id in WithoutEnergy)
            {
                json.WriteStringValue(id);
            }

            json.WriteEndArray();
            WriteNumberOrNull(json, "mean_power_w", MeanPowerWatts);
            WriteNumberOrNull(json, "requests", Run.Inference.Requests);
            WriteNumberOrNull(json, "energy_per_request_j", EnergyPerRequestJoules);
            if (Overhead is { } o)
            {
                json.WriteStartObject("sampler_overhead");
                json.WriteNumber("reads", o.Reads);
                json.WriteNumber("samples", o.Samples);
                json.WriteNumber("reading_time_s", o.ReadingTime.TotalSeconds);
                json.WriteNumber("wall_s", o.Wall.TotalSeconds);
                WriteNumberOrNull(json, "share_of_one_core", o.ShareOfOneCore);
                json.WriteString("method", o.Method);
                json.WriteEndObject();
            }
            else
            {
                json.WriteNull("sampler_overhead");
            }

            WriteStringOrNull(json, "sampler_problem", SamplerProblem);
            json.WriteEndObject();
        }

        writer.WriteLine(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }

    /// <summary>The status as stored and printed: running, complete, interrupted, failed.</summary>
    public static string Status(RunStatus status) => status.ToString().ToLowerInvariant();

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static void WriteStringOrNull(Utf8JsonWriter json, string name, string? value)
    {
        if (value is null)
        {
            json.WriteNull(name);
        }
        else
        {
            json.WriteString(name, value);
        }
    }

    private static void WriteNumberOrNull(Utf8JsonWriter json, string name, double? value)
    {
        if (value is { } v)
        {
            json.WriteNumber(name, v);
        }
        else
        {
            json.WriteNull(name);
        }
    }
}
