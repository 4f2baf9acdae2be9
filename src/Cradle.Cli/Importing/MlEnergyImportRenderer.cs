using System.Globalization;
using Cradle.Import.MlEnergy;

namespace Cradle.Cli.Importing;

/// <summary>Writes the summary of <c>cradle import mlenergy</c>: records per task and GPU with their energy range, what the
/// figures cover, how a record became a run, and notes.</summary>
internal static class MlEnergyImportRenderer
{
    public static void Text(MlEnergyImportResult result, string store, TextWriter output)
    {
        var legacyFiles = result.LegacyRows.Select(r => r.RelativePath).Distinct(StringComparer.Ordinal).Count();
        output.WriteLine($"Imported {result.Runs.Count} run(s) into {store}: {result.Records.Count} ML.ENERGY leaderboard v2 record(s)" +
            (legacyFiles > 0 ? $", {result.LegacyRows.Count} row(s) of {legacyFiles} leaderboard v1 (2023) file(s)" : "") +
            (result.IgnoredFiles > 0 ? $"; {result.IgnoredFiles} other file(s) under the folders ignored (models.json, schema.yaml, …)." : "."));
        output.WriteLine($"Source: ml-energy/benchmark at commit {MlEnergySource.Commit} ({MlEnergySource.DataFolder}; v1: data/legacy).");
        output.WriteLine("Covers: GPU energy measured by Zeus (NVML) over the serving GPUs; no CPU, memory, network or PUE.");
        output.WriteLine("Each run is one nominal request: energy = the record's Energy/req (J) (v1: energy per response, J); duration =");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  Avg Output Tokens ÷ Token tput (v1: latency); start {MlEnergySource.NominalStartUtc:yyyy-MM-dd} (the commit's date; the records carry none); precision not recorded."));
        output.WriteLine($"{"DATA",-4} {"TASK",-16} {"GPU",-24} {"RUNS",5} {"J/REQUEST (MIN–MAX)",22}");
        var groups = result.Records.Select(r => (Data: "v2", r.Task, r.Record.Gpu, Joules: r.Record.EnergyPerRequestJoules))
            .Concat(result.LegacyRows.Select(r => (Data: "v1", r.Task, r.Gpu, Joules: r.EnergyPerResponseJoules)))
            .GroupBy(r => (r.Data, r.Task, r.Gpu))
            .OrderByDescending(g => g.Key.Data, StringComparer.Ordinal).ThenBy(g => g.Key.Task, StringComparer.Ordinal).ThenBy(g => g.Key.Gpu, StringComparer.Ordinal);
        foreach (var group in groups)
        {
            var energies = group.Select(r => r.Joules).ToList();
            var range = string.Create(CultureInfo.InvariantCulture, $"{energies.Min():0.##}–{energies.Max():0.##}");
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{group.Key.Data,-4} {group.Key.Task,-16} {group.Key.Gpu,-24} {group.Count(),5} {range,22}"));
        }
        foreach (var note in result.Notes)
        {
            output.WriteLine($"Note: {note}");
        }
        output.WriteLine("Rank them with 'cradle runs compare --site ID [--sort energy|co2e|ess]'; 'cradle runs list' lists them.");
    }
}
