using Cradle.Catalog;
using Cradle.Trends.Assessment;
using Cradle.Trends.Epoch;
using Cradle.Trends.Selection;

namespace Cradle.Trends.Tests;

/// <summary>
/// The real Epoch AI "Notable AI Models" snapshot (December 2024, CC BY 4.0, "Data: Epoch AI (epoch.ai)"; see
/// tests/data/epoch-notable-ai-models/README.md), read once, selected and assessed under the default assumptions.
/// </summary>
internal static class EpochData
{
    public static string Repository { get; } = FindRepository();

    public static string CsvPath => Path.Combine(Repository, "tests", "data", "epoch-notable-ai-models", "notable_ai_models.csv");

    private static readonly Lazy<IReadOnlyList<EpochRow>> LazyRows = new(() =>
    {
        using var reader = new StreamReader(CsvPath);
        return EpochReader.Read(reader);
    });

    private static readonly Lazy<ModelSelection> LazySelection = new(() => new ModelSelector(CatalogLoader.Shipped).Select(Rows));

    public static IReadOnlyList<EpochRow> Rows => LazyRows.Value;

    public static ModelSelection Selection => LazySelection.Value;

    public static TrainingAssessor Assessor(TrainingAssumptions? assumptions = null) =>
        new(CatalogLoader.Shipped, new CatalogDeviceProductionImpacts(), assumptions ?? TrainingAssumptions.Default);

    private static readonly Lazy<ScenarioResult> LazyBaseline = new(() => Assessor().Assess(Selection.Assessable, Scenario.Baseline));

    /// <summary>Every assessable model under the baseline, default assumptions (10,000 draws, default seed).</summary>
    public static ScenarioResult Baseline => LazyBaseline.Value;

    private static string FindRepository()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Cradle.slnx")))
        {
            directory = directory.Parent;
        }
        return directory?.FullName ?? throw new InvalidOperationException("no Cradle.slnx above the test folder");
    }
}
