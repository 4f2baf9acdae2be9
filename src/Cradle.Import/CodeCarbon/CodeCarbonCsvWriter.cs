using System.Globalization;
using CsvHelper;
using Cradle.Store;

namespace Cradle.Import.CodeCarbon;

/// <summary>A stored run with its sensors and samples, as the writer needs it.</summary>
/// <param name="Run">The run.</param>
/// <param name="Sensors">Its sensors.</param>
/// <param name="Samples">Its samples.</param>
public sealed record RunRecord(Run Run, IReadOnlyList<Sensor> Sensors, IReadOnlyList<Sample> Samples);

/// <summary>
/// Writes runs as a CodeCarbon <c>emissions.csv</c> in the current (3.2.1–3.3) column set, one row per run, so the data
/// can go back to CodeCarbon's tools. Energies are each component's IT energy in kWh (the last cumulative reading of its
/// sensors, summed), <c>pue</c> is 1.0 (Cradle stores IT energy; a site's PUE is applied in a study, not here), powers are
/// mean powers (energy ÷ duration, as CodeCarbon ≥ 3.1.2 writes them). Cells Cradle has no figure for are empty, never 0;
/// <c>codecarbon_version</c> is empty (CodeCarbon did not write the file) and <c>emissions</c> is empty (Cradle computes
/// CO2e in a study, for a site). CodeCarbon's format has no provenance column: measured or modelled is not carried.
/// </summary>
public static class CodeCarbonCsvWriter
{
    private const double JoulesPerKwh = 3.6e6;

    /// <summary>The component a sensor kind counts toward, or null for kinds without energy (temperature).</summary>
    /// <returns>"cpu", "gpu", "ram", "total" or null; throws for a kind this writer does not know.</returns>
    public static string? ComponentOf(string kind) => kind switch
    {
        "codecarbon-cpu" or "rapl-package" or "modelled-cpu" => "cpu",
        "codecarbon-gpu" or "nvml-gpu" => "gpu",
        "codecarbon-ram" or "rapl-dram" or "process-memory" or "modelled-memory" => "ram",
        "codecarbon-total" => "total",
        _ => null,
    };

    /// <summary>Writes the header and one row per run to <paramref name="writer"/>.</summary>
    /// <returns>Sensors whose energy was left out because their kind is not a CPU, GPU or RAM kind ("run: sensor (kind)").</returns>
    public static IReadOnlyList<string> Write(IReadOnlyList<RunRecord> runs, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(runs);
        ArgumentNullException.ThrowIfNull(writer);
        var left = new List<string>();
        using var csv = new CsvWriter(writer, CultureInfo.InvariantCulture, leaveOpen: true);
        foreach (var column in CodeCarbonColumns.Current)
        {
            csv.WriteField(column);
        }
        csv.NextRecord();
        foreach (var run in runs)
        {
            var cells = Row(run, left);
            foreach (var column in CodeCarbonColumns.Current)
            {
                csv.WriteField(cells.GetValueOrDefault(column, ""));
            }
            csv.NextRecord();
        }
        return left;
    }

    private static Dictionary<string, string> Row(RunRecord record, List<string> left)
    {
        var run = record.Run;
        var lastEnergy = record.Samples.Where(s => s.EnergyJoules is not null)
            .GroupBy(s => s.SensorId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.MaxBy(s => s.OffsetSeconds)!.EnergyJoules!.Value, StringComparer.Ordinal);
        var joules = new Dictionary<string, double>(StringComparer.Ordinal);
        var devices = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var sensor in record.Sensors)
        {
            var component = ComponentOf(sensor.Kind);
            if (!lastEnergy.TryGetValue(sensor.Id, out var energy))
            {
                continue;
            }

            if (component is null)
            {
                left.Add($"{run.Id}: {sensor.Id} ({sensor.Kind})");
                continue;
            }
            joules[component] = joules.GetValueOrDefault(component) + energy;
            (devices.TryGetValue(component, out var list) ? list : devices[component] = []).Add(sensor.Device);
        }

        var end = run.EndedUtc ?? run.StartedUtc.AddSeconds(record.Samples.Count > 0 ? record.Samples.Max(s => s.OffsetSeconds) : 0);
        var duration = (end - run.StartedUtc).TotalSeconds;
        var cells = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [CodeCarbonColumns.Timestamp] = end.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture),
            [CodeCarbonColumns.ProjectName] = run.Name ?? "cradle",
            [CodeCarbonColumns.RunId] = run.Id,
            [CodeCarbonColumns.ExperimentId] = run.JobId ?? "",
            [CodeCarbonColumns.Duration] = Number(duration),
            [CodeCarbonColumns.TrackingMode] = "machine",
            [CodeCarbonColumns.OnCloud] = "N",
            [CodeCarbonColumns.Pue] = "1.0",
        };
        foreach (var (component, energyColumn, powerColumn) in new[]
                 {
                     ("cpu", CodeCarbonColumns.CpuEnergy, CodeCarbonColumns.CpuPower),
                     ("gpu", CodeCarbonColumns.GpuEnergy, CodeCarbonColumns.GpuPower),
                     ("ram", CodeCarbonColumns.RamEnergy, CodeCarbonColumns.RamPower),
                 })
        {
            if (joules.TryGetValue(component, out var j))
            {
                cells[energyColumn] = Number(j / JoulesPerKwh);
                cells[powerColumn] = duration > 0 ? Number(j / duration) : "";
            }
        }

        if (joules.Count > 0)
        {
            cells[CodeCarbonColumns.EnergyConsumed] = Number(joules.Values.Sum() / JoulesPerKwh);
        }

        if (devices.TryGetValue("cpu", out var cpus))
        {
            cells[CodeCarbonColumns.CpuModel] = string.Join(" + ", cpus.Distinct(StringComparer.Ordinal));
        }

        if (devices.TryGetValue("gpu", out var gpus))
        {
            cells[CodeCarbonColumns.GpuModel] = string.Join(" + ", gpus.Distinct(StringComparer.Ordinal));
            cells[CodeCarbonColumns.GpuCount] = gpus.Count.ToString(CultureInfo.InvariantCulture);
        }
        return cells;
    }

    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
