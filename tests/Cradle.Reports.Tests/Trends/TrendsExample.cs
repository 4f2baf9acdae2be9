using Cradle.Catalog;
using Cradle.Catalog.Production;
using Cradle.Reports.Trends;
using Cradle.Trends.Assessment;
using Cradle.Trends.Epoch;
using Cradle.Trends.Selection;

namespace Cradle.Reports.Tests.Trends;

/// <summary>
/// The trends report built from a real run of the trend study over Epoch AI's "Notable AI Models" snapshot (December
/// 2024, CC BY 4.0, "Data: Epoch AI (epoch.ai)"; tests/data/epoch-notable-ai-models/README.md): every row read and
/// selected, the assessable models assessed under the baseline and a shift to Sweden with 200 draws (for speed), and the
/// catalog's cards by the "best" production estimator. Built once per test run.
/// </summary>
internal static class TrendsExample
{
    /// <summary>Monte Carlo draws: enough for stable medians in these checks, few enough to be quick.</summary>
    public const int Draws = 200;

    private static readonly Lazy<TrendsReport> LazyReport = new(() => Build(Selection));

    private static readonly Lazy<ModelSelection> LazySelection = new(() =>
    {
        using var reader = new StreamReader(Path.Combine(ExampleResults.Root, "tests", "data", "epoch-notable-ai-models", "notable_ai_models.csv"));
        return new ModelSelector(CatalogLoader.Shipped).Select(EpochReader.Read(reader));
    });

    public static ModelSelection Selection => LazySelection.Value;

    public static TrendsReport Report => LazyReport.Value;

    /// <summary>Builds a report over <paramref name="selection"/> (the tests pass a doctored one to check escaping).</summary>
    public static TrendsReport Build(ModelSelection selection, Scenario? extra = null)
    {
        var assessor = new TrainingAssessor(CatalogLoader.Shipped, new CatalogDeviceProductionImpacts(), TrainingAssumptions.Default with { Draws = Draws });
        var results = assessor.Assess(selection.Assessable, extra is null ? [Scenario.Baseline, Scenario.LocationShift("se")] : [Scenario.Baseline, extra]);
        var cards = new AcceleratorProduction(CatalogLoader.Shipped).ByReleaseYear();
        return TrendsReport.Create(DatasetInfo.EpochNotableModels("December 2024"), selection, results, cards, AcceleratorProduction.DefaultEstimator);
    }
}
