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
            var (count, energy) = Runs.RunEnergy.Of(s, samples);
            var text = energy is { } j ? string.Create(CultureInfo.InvariantCulture, $"{j:0.###} J") : "energy unavailable";
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    {s.Id} [{Provenance(s.Provenance)}, {s.Kind}] {s.Device}: {text}, {count} samples"));
            if (Runs.RunEnergy.NetOfIdle(s, samples, idle) is { } net)
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
        var total = sensors.Select(s => Runs.RunEnergy.Of(s, samples).Joules).Where(e => e is not null).ToList();
        output.WriteLine(total.Count == 0
            ? "  total energy: unavailable (no sensor has an energy figure)"
            : string.Create(CultureInfo.InvariantCulture, $"  total energy: {total.Sum(e => e!.Value):0.###} J over {total.Count} of {sensors.Count} sensors"));
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

    private static string Status(RunStatus status) => Cradle.Runs.RunJson.Status(status);

    private static string Provenance(SensorProvenance provenance) => Cradle.Runs.RunJson.Provenance(provenance);

    private static string Duration(Run r) => r.EndedUtc is { } ended
        ? ((ended - r.StartedUtc).TotalSeconds).ToString("0.###", CultureInfo.InvariantCulture) + " s"
        : "-";

    private static string Cell(double? value) => value?.ToString("R", CultureInfo.InvariantCulture) ?? "";

    private static string Csv(string text) =>
        text.AsSpan().IndexOfAny(",\"\n\r") < 0 ? text : "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
