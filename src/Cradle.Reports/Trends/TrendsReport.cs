using Cradle.Catalog.Production;
using Cradle.Trends.Assessment;
using Cradle.Trends.Selection;
using Cradle.Trends.Trends;

namespace Cradle.Reports.Trends;

/// <summary>
/// Everything the trends report shows: the dataset, which rows were assessed or skipped and why, each scenario's
/// per-model results and fitted trends, the production impacts of the catalog's cards by release year with their own
/// fit, and the method text. Build it with <see cref="Create"/>; render it with <see cref="TrendsHtmlReport.Render"/>.
/// </summary>
/// <param name="Dataset">The table the models come from, with its licence.</param>
/// <param name="Selection">Every row of the table: assessable or skipped with reasons.</param>
/// <param name="Scenarios">One entry per scenario, in the order assessed (the first is the reference, normally the baseline).</param>
/// <param name="Cards">Production impacts of the catalog's accelerators against release year.</param>
/// <param name="Method">Paragraphs of method text, in order (see <see cref="TrendsMethod.Paragraphs"/>).</param>
public sealed record TrendsReport(
    DatasetInfo Dataset, ModelSelection Selection, IReadOnlyList<ScenarioSection> Scenarios, CardProduction Cards,
    IReadOnlyList<string> Method)
{
    /// <summary>The assumptions of the first scenario (every scenario of one run shares them).</summary>
    public TrainingAssumptions Assumptions => Scenarios[0].Result.Assumptions;

    /// <summary>
    /// Builds the report: fits each scenario's trends with <see cref="TrendAnalysis.Analyse"/> (at the assumptions'
    /// band level) and the cards' GWP trend with <see cref="CardProduction.From"/>.
    /// </summary>
    /// <param name="dataset">The table the models come from.</param>
    /// <param name="selection">The selection the results were assessed from.</param>
    /// <param name="results">At least one scenario's results.</param>
    /// <param name="cards">The rows of <see cref="AcceleratorProduction.ByReleaseYear"/>.</param>
    /// <param name="cardEstimator">The estimator that produced <paramref name="cards"/>, the same the results used for
    /// production (e.g. "mlca").</param>
    /// <exception cref="ArgumentException">No scenario.</exception>
    public static TrendsReport Create(
        DatasetInfo dataset, ModelSelection selection, IReadOnlyList<ScenarioResult> results,
        IReadOnlyList<AcceleratorProductionRow> cards, string cardEstimator)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(selection);
        ArgumentNullException.ThrowIfNull(results);
        if (results.Count == 0)
        {
            throw new ArgumentException("a trends report needs at least one scenario's results.", nameof(results));
        }
        var sections = results.Select(r => new ScenarioSection(r, TrendAnalysis.Analyse(r, r.Assumptions.BandLevel))).ToList();
        return new TrendsReport(dataset, selection, sections, CardProduction.From(cards, cardEstimator),
            TrendsMethod.Paragraphs(results[0].Assumptions, cardEstimator));
    }
}

/// <summary>One scenario's results and the trends fitted to them.</summary>
/// <param name="Result">Per-model results.</param>
/// <param name="Trends">The trends of <paramref name="Result"/>.</param>
public sealed record ScenarioSection(ScenarioResult Result, ScenarioTrends Trends)
{
    /// <summary>The scenario's id ("baseline").</summary>
    public string Id => Result.Scenario.Id;
}

/// <summary>The dataset a trends report is built from.</summary>
/// <param name="Name">Its name ("Epoch AI — Notable AI Models").</param>
/// <param name="Snapshot">Which version: a date or release ("December 2024").</param>
/// <param name="Licence">Its licence ("CC BY 4.0").</param>
/// <param name="Credit">The credit line the licence asks for ("Data: Epoch AI (epoch.ai)").</param>
/// <param name="Url">Where it is published.</param>
public sealed record DatasetInfo(string Name, string Snapshot, string Licence, string Credit, string Url)
{
    /// <summary>Epoch AI's "Notable AI Models" table (CC BY 4.0) at snapshot <paramref name="snapshot"/>.</summary>
    public static DatasetInfo EpochNotableModels(string snapshot) => new(
        "Epoch AI — Notable AI Models", snapshot, "Creative Commons Attribution 4.0 International (CC BY 4.0)",
        "Data: Epoch AI (epoch.ai)", "https://epoch.ai/data/notable-ai-models");

    /// <summary>How a report names the data it read: the file and the start of its SHA-256, so that a figure can be
    /// traced to the exact snapshot (Epoch updates the table often).</summary>
    /// <param name="fileName">The dataset's file name.</param>
    /// <param name="text">The dataset's text as read.</param>
    public static string SnapshotOf(string fileName, string text) =>
        $"{fileName}, SHA-256 {Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)))[..16]}…";
}
