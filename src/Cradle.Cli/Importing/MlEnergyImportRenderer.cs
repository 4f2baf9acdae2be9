using System.Globalization;
using Cradle.Import.MlEnergy;

namespace Cradle.Cli.Importing;

/// <summary>Writes the summary of <c>cradle import mlenergy</c>: records per task and GPU with their energy range, what the
/// figures cover, how a record became a run, and notes.</summary>
internal static class MlEnergyImportRenderer
{
    public static void Text(MlEnergyImportResult result, string store, TextWriter output)
    {
        output.WriteLine($"Imported {result.Records.Count} run(s) from {result.Records.Count} ML.ENERGY leaderboard v2 record(s) into {store}" +
            (result.IgnoredFiles > 0 ? $" ({result.IgnoredFiles} other file(s) under the folders ignored: models.json, schema.yaml, …)." : "."));
        output.WriteLine($"Source: ml-energy/benchmark {MlEnergySource.DataFolder} at commit {MlEnergySource.Commit}.");
        output.WriteLine("Covers: GPU energy measured by Zeus (NVML) over the TP × PP serving GPUs; no CPU, memory, network or PUE.");
        output.WriteLine("Each run is one nominal request: energy = the record's Energy/req (J); duration = Avg Output Tokens ÷ Token tput (s);");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  start {MlEnergySource.NominalStartUtc:yyyy-MM-dd} (the commit's date; the records carry none); precision not recorded."));
        output.WriteLine($"{"TASK",-6} {"GPU",-24} {"RECORDS",7} {"J/REQUEST (MIN–MAX)",22}");
        foreach (var group in result.Records.GroupBy(r => (r.Task, r.Record.Gpu)).OrderBy(g => g.Key.Task, StringComparer.Ordinal).ThenBy(g => g.Key.Gpu, StringComparer.Ordinal))
        {
            var energies = group.Select(r => r.Record.EnergyPerRequestJoules).ToList();
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{group.Key.Task,-6} {group.Key.Gpu,-24} {group.Count(),7} {$"{energies.Min():0.##}–{energies.Max():0.##}",22}"));
        }
        foreach (var note in result.Notes)
        {
            output.WriteLine($"Note: {note}");
        }
        output.WriteLine("Rank them with 'cradle runs compare --site ID [--sort energy|co2e|ess]'; 'cradle runs list' lists them.");
    }
}
