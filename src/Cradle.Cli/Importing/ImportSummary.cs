using System.Globalization;
using Cradle.Import.CodeCarbon;
using Cradle.Store;

namespace Cradle.Cli.Importing;

/// <summary>The summary of an import: runs stored, IT energy per component split by provenance, and the notes.</summary>
internal static class ImportSummary
{
    private const int ListedRuns = 20;

    public static void Write(IReadOnlyList<Run> stored, CodeCarbonImport import, int fileCount, string storePath, TextWriter output)
    {
        output.WriteLine(Invariant($"Imported {stored.Count} run(s) from {fileCount} file(s) into {storePath}."));
        output.WriteLine("IT energy per component (PUE applied by CodeCarbon divided out):");
        var byComponent = import.Runs
            .SelectMany(r => r.Sensors.Select(s => (Sensor: s, Joules: r.Samples.Where(x => x.SensorId == s.Id).MaxBy(x => x.OffsetSeconds)?.EnergyJoules)))
            .GroupBy(x => CodeCarbonCsvWriter.ComponentOf(x.Sensor.Kind) ?? x.Sensor.Kind, StringComparer.Ordinal);
        foreach (var component in byComponent.OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            double Sum(SensorProvenance p) => component.Where(x => x.Sensor.Provenance == p).Sum(x => x.Joules ?? 0);
            var measured = Sum(SensorProvenance.Measured);
            var modelled = Sum(SensorProvenance.Modelled);
            var unavailable = component.Count(x => x.Sensor.Provenance == SensorProvenance.Unavailable);
            var missing = unavailable > 0 ? Invariant($", unavailable in {unavailable} sensor(s)") : "";
            output.WriteLine(Invariant(
                $"  {component.Key,-5} {(measured + modelled) / 3.6e6,12:G6} kWh  measured {measured / 3.6e6:G6} kWh, modelled {modelled / 3.6e6:G6} kWh{missing}"));
        }

        output.WriteLine("Runs:");
        for (var i = 0; i < Math.Min(stored.Count, ListedRuns); i++)
        {
            output.WriteLine($"  {stored[i].Id}  {stored[i].SiteId ?? "(no site)",-16} {stored[i].Origin}");
        }
        if (stored.Count > ListedRuns)
        {
            output.WriteLine(Invariant($"  … and {stored.Count - ListedRuns} more ('cradle runs list')."));
        }

        if (import.Notes.Count > 0)
        {
            output.WriteLine("Notes:");
            foreach (var note in import.Notes)
            {
                output.WriteLine($"  {Syntax.Printable.Escape(note)}");
            }
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
