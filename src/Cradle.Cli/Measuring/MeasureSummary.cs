using Cradle.Runs;
using Cradle.Results.Json;
using System.Globalization;
using System.Text.Json;
using Cradle.Cli.Rendering;
using Cradle.Measure.Nvml;
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

/// <summary>One device's temperatures over the run.</summary>
/// <param name="Id">Sensor id.</param>
/// <param name="Device">Device label.</param>
/// <param name="MeanCelsius">Mean of the readings in °C.</param>
/// <param name="PeakCelsius">Highest reading in °C.</param>
/// <param name="AboveThreshold">Time at or above the threshold.</param>
/// <param name="Readings">Temperature readings taken.</param>
internal sealed record TemperatureResult(string Id, string Device, double MeanCelsius, double PeakCelsius, TimeSpan AboveThreshold, int Readings)
{
    /// <summary>Every sensor that gave a temperature.</summary>
    public static IReadOnlyList<TemperatureResult> Of(IReadOnlyList<SensorTally> tallies) =>
        [.. tallies.Where(t => t.Temperatures.Count > 0).Select(t => new TemperatureResult(t.Sensor.Id, t.Sensor.DeviceLabel,
            t.Temperatures.MeanCelsius!.Value, t.Temperatures.PeakCelsius!.Value, t.Temperatures.AboveThreshold, t.Temperatures.Count))];
}

/// <summary>
/// What <c>cradle measure</c> reports when the child has ended: the run, its duration, each sensor's energy with its
/// provenance, the total, the energy per request and the sampler's own cost. Written as a table to standard error (the
/// child's standard output stays clean) or as JSON (schema cradle.measurement/1) to standard output.
/// </summary>
internal sealed record MeasureSummary(
    Run Run, ChildExit Exit, TimeSpan Duration, IReadOnlyList<SensorResult> Sensors, SamplerOverhead? Overhead, string? SamplerProblem)
{
    /// <summary>Why there are no temperatures: no probe found.</summary>
    public const string NoTemperatureSensor = "no temperature sensor found (no hwmon temp*_input or thermal zone under /sys/class, no GPU temperature)";

    /// <summary>The run's CO2e and water at <c>--site</c>; null without it.</summary>
    public SiteFootprint? Site { get; init; }

    /// <summary>The idle baseline of <c>--idle</c>; null without it.</summary>
    public IdleBaseline? Idle { get; init; }

    /// <summary>Where the request count came from, or why the command's own count was not used; null when there is
    /// nothing to say (no count written, or the same as <c>--requests</c>).</summary>
    public string? RequestNote { get; init; }

    /// <summary>Whether <see cref="Idle"/> was stored with the run (<c>cradle runs show</c> then shows it).</summary>
    public bool IdleStored { get; init; }

    /// <summary>Temperatures per device; empty when no sensor gave one.</summary>
    public IReadOnlyList<TemperatureResult> Temperatures { get; init; } = [];

    /// <summary>On which GPUs the command ran and who shared them; empty when no NVML GPU was measured.</summary>
    public IReadOnlyList<GpuUse> Gpus { get; init; } = [];

    /// <summary>The <c>--thermal-threshold</c> in °C.</summary>
    public double ThermalThresholdCelsius { get; init; } = 80;

    /// <summary>Sum of the sensors' energies in joules; null when no sensor has one.</summary>
    public double? TotalEnergyJoules => Sensors.Any(s => s.EnergyJoules is not null) ? Sensors.Sum(s => s.EnergyJoules ?? 0) : null;

    /// <summary>Sensors with no energy figure (their energy is not in the total).</summary>
    public IReadOnlyList<string> WithoutEnergy => [.. Sensors.Where(s => s.EnergyJoules is null && s.Kind != "temperature").Select(s => s.Id)];

    /// <summary>Total energy ÷ requests in joules; null without --requests or without energy.</summary>
    public double? EnergyPerRequestJoules => Run.Inference.Requests is { } n && TotalEnergyJoules is { } total ? total / n : null;

    /// <summary>The site's CO2e in kg per request, when both <c>--site</c> and <c>--requests</c> give one.</summary>
    public double? Co2ePerRequestKg => Run.Inference.Requests is { } n && Site?.Co2eKg is { } kg ? kg / n : null;

    /// <summary>The site's water in litres per request, when both <c>--site</c> and <c>--requests</c> give one.</summary>
    public double? WaterPerRequestLitres => Run.Inference.Requests is { } n && Site?.WaterLitres is { } l ? l / n : null;

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
        var name = (Run.Name is null ? "" : $" '{Run.Name}'") + (Run.JobId is null ? "" : $" (job {Run.JobId})");
        writer.WriteLine(Invariant($"cradle: run {Run.Id}{name} {Status(Run.Status)}, exit code {Exit.ExitCode}{(Exit.Signal is { } signal ? $" (signal {signal})" : "")}, {Duration.TotalSeconds:0.###} s"));
        foreach (var s in Sensors)
        {
            var energy = s.EnergyJoules is { } j
                ? Invariant($"{j:0.###} J") + (s.MeanPowerWatts is { } w ? Invariant($", mean {w:0.###} W") : "")
                : "energy unavailable: " + s.EnergyUnavailableReason;
            writer.WriteLine($"  {s.Id} [{s.Provenance}] {s.Device}: {energy}");
            if (Idle?.Net(s.Id, s.EnergyJoules, Duration) is { } net)
            {
                writer.WriteLine(Invariant($"      net of idle: {net:0.###} J (gross {s.EnergyJoules:0.###} J − idle {Idle.Sensors.First(i => i.SensorId == s.Id).IdlePowerWatts:0.###} W × {Duration.TotalSeconds:0.###} s)"));
            }
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

        if (RequestNote is { } note)
        {
            writer.WriteLine("  requests: " + note);
        }

        GpuUseReport.WriteText(writer, Gpus);
        WriteIdleText(writer);
        WriteTemperatureText(writer);
        WriteSiteText(writer);
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
            json.WriteStringOrNull("name", Run.Name);
            json.WriteStringOrNull("job_id", Run.JobId);
            json.WriteString("status", Status(Run.Status));
            json.WriteNumber("exit_code", Exit.ExitCode);
            json.WriteNumberOrNull("signal", Exit.Signal);
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
                json.WriteStringOrNull("reason", s.Reason);
                json.WriteNumberOrNull("energy_j", s.EnergyJoules);
                json.WriteStringOrNull("energy_unavailable_reason", s.EnergyUnavailableReason);
                json.WriteNumberOrNull("mean_power_w", s.MeanPowerWatts);
                json.WriteNumber("samples", s.Samples);
                json.WriteNumberOrNull("net_energy_j", Idle?.Net(s.Id, s.EnergyJoules, Duration));
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteNumberOrNull("total_energy_j", TotalEnergyJoules);
            json.WriteStartArray("sensors_without_energy");
            foreach (var id in WithoutEnergy)
            {
                json.WriteStringValue(id);
            }

            json.WriteEndArray();
            json.WriteNumberOrNull("mean_power_w", MeanPowerWatts);
            json.WriteNumberOrNull("requests", Run.Inference.Requests);
            json.WriteNumberOrNull("energy_per_request_j", EnergyPerRequestJoules);
            json.WriteStringOrNull("requests_note", RequestNote);
            GpuUseReport.WriteJson(json, Gpus);
            WriteIdleJson(json);
            WriteTemperatureJson(json);
            WriteSiteJson(json);
            if (Overhead is { } o)
            {
                json.WriteStartObject("sampler_overhead");
                json.WriteNumber("reads", o.Reads);
                json.WriteNumber("samples", o.Samples);
                json.WriteNumber("reading_time_s", o.ReadingTime.TotalSeconds);
                json.WriteNumber("wall_s", o.Wall.TotalSeconds);
                json.WriteNumberOrNull("share_of_one_core", o.ShareOfOneCore);
                json.WriteString("method", o.Method);
                json.WriteEndObject();
            }
            else
            {
                json.WriteNull("sampler_overhead");
            }

            json.WriteStringOrNull("sampler_problem", SamplerProblem);
            json.WriteEndObject();
        }

        writer.WriteLine(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }

    private void WriteIdleText(TextWriter writer)
    {
        if (Idle is not { } idle)
        {
            return;
        }

        writer.WriteLine(Invariant($"  idle baseline over {idle.Duration.TotalSeconds:0.###} s before the command ({(IdleStored ? "stored with the run" : "in this summary only, not in the run store")}):"));
        foreach (var i in idle.Sensors)
        {
            writer.WriteLine(Invariant($"      {i.SensorId}: {i.IdlePowerWatts:0.###} W ({i.IdleEnergyJoules:0.###} J)"));
        }

        if (idle.UnavailableReason is { } why)
        {
            writer.WriteLine("      " + why);
        }

        if (Sensors.Any(s => s.Kind == "modelled-cpu"))
        {
            writer.WriteLine("      " + IdleBaseline.ModelledNote);
        }
    }

    private void WriteTemperatureText(TextWriter writer)
    {
        if (Temperatures.Count == 0)
        {
            writer.WriteLine("  temperatures: " + NoTemperatureSensor);
            return;
        }

        writer.WriteLine(Invariant($"  temperatures (time at or above {ThermalThresholdCelsius:0.#} °C):"));
        foreach (var t in Temperatures)
        {
            writer.WriteLine(Invariant($"      {t.Id} {t.Device}: mean {t.MeanCelsius:0.#} °C, peak {t.PeakCelsius:0.#} °C, {t.AboveThreshold.TotalSeconds:0.###} s above ({t.Readings} readings)"));
        }
    }

    private void WriteSiteText(TextWriter writer)
    {
        if (Site is not { } f)
        {
            return;
        }

        writer.WriteLine($"  site {f.Site.Id} ({f.Site.Kind}, {f.Site.Name}):");
        writer.WriteLine(f.ElectricityKwh is { } kwh
            ? Invariant($"      grid electricity: {kwh:G6} kWh") + (f.Site.Pue is null ? " — PUE not applied (grid only)" : "")
            : "      grid electricity: unavailable: " + f.ElectricityUnavailableReason);
        writer.WriteLine(f.Co2eKg is { } co2 ? Invariant($"      CO2e: {co2:G6} kg") : "      CO2e: unavailable: " + f.Co2eUnavailableReason);
        writer.WriteLine(f.WaterLitres is { } water ? Invariant($"      water: {water:G6} L") : "      water: unavailable: " + f.WaterUnavailableReason);
        if (Co2ePerRequestKg is { } co2PerRequest)
        {
            writer.WriteLine(Invariant($"      CO2e per request: {co2PerRequest:G6} kg"));
        }
        if (WaterPerRequestLitres is { } waterPerRequest)
        {
            writer.WriteLine(Invariant($"      water per request: {waterPerRequest:G6} L"));
        }
        foreach (var factor in new[] { f.Site.Pue, f.Site.Wue, f.Site.Gwp100, f.Site.OffSiteWater }.OfType<SiteFactor>())
        {
            writer.WriteLine(Invariant($"      {FactorLabel(factor.Name)}: {factor.Value:0.#####}{(factor.Unit.Length > 0 ? " " + factor.Unit : "")} — catalog {factor.EntryId}, source {factor.Source} ({factor.Year}){(factor.Note is { } n ? ", " + n : "")}"));
        }

        writer.WriteLine("  site conventions:");
        foreach (var convention in f.Site.Conventions)
        {
            writer.WriteLine("      - " + convention);
        }
    }

    private static string FactorLabel(string name) => name switch
    {
        "pue" => "PUE",
        "wue" => "WUE (on site)",
        "gwp100" => "grid gwp100",
        _ => "grid water (off site)",
    };

    private void WriteIdleJson(Utf8JsonWriter json)
    {
        if (Idle is not { } idle)
        {
            json.WriteNull("idle");
            return;
        }

        json.WriteStartObject("idle");
        json.WriteNumber("duration_s", idle.Duration.TotalSeconds);
        json.WriteBoolean("stored", IdleStored);
        json.WriteStartArray("sensors");
        foreach (var i in idle.Sensors)
        {
            json.WriteStartObject();
            json.WriteString("id", i.SensorId);
            json.WriteNumber("idle_energy_j", i.IdleEnergyJoules);
            json.WriteNumber("idle_power_w", i.IdlePowerWatts);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStringOrNull("unavailable_reason", idle.UnavailableReason);
        json.WriteStringOrNull("modelled_note", Sensors.Any(s => s.Kind == "modelled-cpu") ? IdleBaseline.ModelledNote : null);
        json.WriteEndObject();
    }

    private void WriteTemperatureJson(Utf8JsonWriter json)
    {
        json.WriteStartObject("temperatures");
        json.WriteNumber("threshold_c", ThermalThresholdCelsius);
        json.WriteStartArray("sensors");
        foreach (var t in Temperatures)
        {
            json.WriteStartObject();
            json.WriteString("id", t.Id);
            json.WriteString("device", t.Device);
            json.WriteNumber("mean_c", t.MeanCelsius);
            json.WriteNumber("peak_c", t.PeakCelsius);
            json.WriteNumber("above_threshold_s", t.AboveThreshold.TotalSeconds);
            json.WriteNumber("readings", t.Readings);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStringOrNull("unavailable_reason", Temperatures.Count == 0 ? NoTemperatureSensor : null);
        json.WriteEndObject();
    }

    private void WriteSiteJson(Utf8JsonWriter json)
    {
        if (Site is not { } f)
        {
            json.WriteNull("site");
            return;
        }

        Cradle.Runs.SiteJson.WriteFootprint(json, f, w =>
        {
            w.WriteNumberOrNull("co2e_per_request_kg", Co2ePerRequestKg);
            w.WriteNumberOrNull("water_per_request_l", WaterPerRequestLitres);
        });
    }

    /// <summary>The status as stored and printed: running, complete, interrupted, failed.</summary>
    public static string Status(RunStatus status) => status.ToString().ToLowerInvariant();

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);


}
