using System.Globalization;
using Cradle.Catalog;
using Cradle.Catalog.Production;
using Cradle.Trends.Assessment;
using Cradle.Trends.Epoch;
using Cradle.Trends.Selection;
using Cradle.Trends.Trends;

namespace Cradle.Trends.Study;

/// <summary>
/// The many-model analysis in one call: reads the Epoch notable-models file, selects the rows that can be assessed,
/// assesses every model under every scenario with the chosen production estimator, fits the trends, and fits the
/// per-card production GWP against release year.
/// </summary>
public static class TrendStudy
{
    /// <summary>Runs the study.</summary>
    /// <param name="dataset">The dataset's name, for outputs.</param>
    /// <param name="csv">The Epoch CSV.</param>
    /// <param name="catalog">Reference catalog: accelerators, grids.</param>
    /// <param name="options">Scenarios, assumptions and estimator.</param>
    /// <exception cref="EpochFormatException">The file is not an Epoch notable-models CSV (line and field given).</exception>
    /// <exception cref="ArgumentException">An unknown estimator or scenario grid (the message lists valid names).</exception>
    public static TrendStudyResult Run(string dataset, TextReader csv, ReferenceCatalog catalog, TrendStudyOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Scenarios.Count == 0)
        {
            throw new ArgumentException("a trend study needs at least one scenario", nameof(options));
        }

        var production = new AcceleratorProduction(catalog);
        var impacts = new EstimatorProductionImpacts(production, options.Estimator);
        var rows = EpochReader.Read(csv);
        var selection = new ModelSelector(catalog).Select(rows);
        var assessor = new TrainingAssessor(catalog, impacts, options.Assumptions);
        var scenarios = assessor.Assess(selection.Assessable, options.Scenarios);
        var trends = scenarios.Select(s => TrendAnalysis.Analyse(s, options.Assumptions.BandLevel)).ToList();
        var cardRows = production.ByReleaseYear(impacts.EstimatorName);
        var cards = Cards(cardRows, impacts.EstimatorName);
        var points = cards.Where(c => c.ReleaseYear is not null && c.GwpKg is > 0)
            .Select(c => ((double)c.ReleaseYear!.Value, c.GwpKg!.Value)).ToList();
        var (cardTrend, missing) = points.Count >= 3
            ? (LogLinearFit.Fit(points, options.Assumptions.BandLevel), (string?)null)
            : (null, string.Create(CultureInfo.InvariantCulture,
                $"only {points.Count} cards have both a release year and a {impacts.EstimatorName} estimate; a fit needs 3"));
        return new TrendStudyResult(dataset, rows.Count, selection, scenarios, trends, impacts.EstimatorName, cards, cardTrend, missing)
        {
            CardRows = cardRows,
        };
    }

    private static List<CardProduction> Cards(IReadOnlyList<AcceleratorProductionRow> rows, string estimator) =>
        [.. rows.Select(row => row.Result.Estimate is { } e && e.Impact(ProductionCriterion.Gwp100) is { } gwp
            ? new CardProduction(row.AcceleratorId, row.ReleaseYear, gwp.Value, e.Estimator, null)
            : new CardProduction(row.AcceleratorId, row.ReleaseYear, null, estimator, row.Result.Reason ?? "no GWP figure"))];
}
