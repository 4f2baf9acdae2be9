using Cradle.Catalog;
using Cradle.Import.CodeCarbon;
using Cradle.Store;

namespace Cradle.Import.Tests.CodeCarbon;

/// <summary>Helpers: import dataset files and read a run's energy per sensor.</summary>
internal static class Imports
{
    public static CodeCarbonImport Read(params string[] fileNames) => Read(new CodeCarbonImportOptions(), fileNames);

    public static CodeCarbonImport Read(CodeCarbonImportOptions options, params string[] fileNames) =>
        CodeCarbonImporter.Read([.. fileNames.Select(f => TestData.Input(TestData.CodeCarbon(f)))], options, CatalogLoader.Shipped);

    /// <summary>The energy of each sensor: its last cumulative sample, J.</summary>
    public static double? Energy(ImportedRun run, string sensorId) =>
        run.Samples.Where(s => s.SensorId == sensorId).MaxBy(s => s.OffsetSeconds)?.EnergyJoules;

    /// <summary>Sum over runs of the energy of sensors of <paramref name="kind"/>, J.</summary>
    public static double Total(IEnumerable<ImportedRun> runs, string kind) =>
        runs.Sum(r => r.Sensors.Where(s => s.Kind == kind).Sum(s => Energy(r, s.Id) ?? 0));

    public static Sensor Sensor(ImportedRun run, string kind) => run.Sensors.Single(s => s.Kind == kind);
}
