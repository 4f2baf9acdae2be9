using Cradle.Catalog;
using Cradle.Reports.Trends;
using Cradle.Trends.Assessment;
using Cradle.Trends.Epoch;
using Cradle.Trends.Study;

namespace Cradle.Server.Trends;

/// <summary>
/// The trend study of the dataset the operator named (<c>cradle serve --trends FILE</c>): run once, on first view, with
/// <c>cradle trends</c>' defaults (baseline and its three scenarios, MLCA estimator, Epoch's power draw, 10,000 draws,
/// fixed seed), so the page and <c>/api/trends</c> show exactly what <c>cradle trends FILE</c> prints. The file is
/// named on the server's command line, never by a request.
/// </summary>
public sealed class TrendsView
{
    private readonly Lazy<Task<TrendsOutcome>> outcome;

    /// <summary>A view of the Epoch dataset at <paramref name="datasetPath"/>, computed when first asked for.</summary>
    public TrendsView(string datasetPath)
    {
        DatasetPath = datasetPath;
        outcome = new(() => Task.Run(() => Compute(datasetPath)), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>The dataset file, as given.</summary>
    public string DatasetPath { get; }

    /// <summary>The study's outputs, or why there are none (the file could not be read or is not Epoch's table).</summary>
    public Task<TrendsOutcome> GetAsync() => outcome.Value;

    private static TrendsOutcome Compute(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return TrendsOutcome.Failed($"cannot read the dataset '{path}': {e.Message}");
        }
        var name = Path.GetFileName(path);
        var scenarios = new List<Scenario> { Scenario.Baseline };
        foreach (var form in ScenarioText.Defaults)
        {
            scenarios.Add(ScenarioText.Parse(form, out _) ?? throw new InvalidOperationException($"the default scenario '{form}' does not parse"));
        }
        TrendStudyResult study;
        try
        {
            using var reader = new StringReader(text);
            study = TrendStudy.Run(name, reader, CatalogLoader.Shipped,
                new TrendStudyOptions(scenarios, TrainingAssumptions.Default, TrendStudyOptions.DefaultEstimator));
        }
        catch (EpochFormatException e)
        {
            return TrendsOutcome.Failed($"{name}: {e.Message}");
        }
        var report = TrendsReport.Create(DatasetInfo.EpochNotableModels(DatasetInfo.SnapshotOf(name, text)), study.Selection,
            study.Scenarios, study.CardRows, study.Estimator);
        using var json = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        TrendsJson.Write(study, json);
        return new TrendsOutcome(study, TrendsHtmlReport.Render(report), json.ToString(), null);
    }
}

/// <summary>The trend study with its HTML report and <c>cradle.trends/1</c> JSON, or the reason it could not be made.</summary>
/// <param name="Study">The study; null when it failed.</param>
/// <param name="ReportHtml">The self-contained HTML report (as <c>cradle trends --report</c> writes it).</param>
/// <param name="Json">The <c>cradle.trends/1</c> document (as <c>cradle trends --format json</c> prints it).</param>
/// <param name="Problem">Why there is no study; null when there is one.</param>
public sealed record TrendsOutcome(TrendStudyResult? Study, string ReportHtml, string Json, string? Problem)
{
    /// <summary>An outcome without a study.</summary>
    public static TrendsOutcome Failed(string problem) => new(null, "", "", problem);
}
