using Cradle.Catalog.Production;
using Cradle.Trends.Assessment;
using Cradle.Trends.Selection;
using Cradle.Trends.Trends;

namespace Cradle.Trends.Study;

/// <summary>Everything a trend study found: the rows used and skipped, each scenario's per-model results and trends, and
/// the per-card production impacts with their trend over release years.</summary>
/// <param name="Dataset">The dataset's name as given (a file name).</param>
/// <param name="Rows">Data rows read.</param>
/// <param name="Selection">Assessable models and skipped rows with reasons.</param>
/// <param name="Scenarios">Per-model results, one per scenario, in the order asked.</param>
/// <param name="Trends">The trends of each scenario, same order.</param>
/// <param name="Estimator">The production estimator's name.</param>
/// <param name="Cards">Every catalog accelerator's production GWP by that estimator.</param>
/// <param name="CardTrend">Log-linear fit of card GWP against release year; null when fewer than three cards have both.</param>
/// <param name="CardTrendMissing">Why <paramref name="CardTrend"/> is null.</param>
public sealed record TrendStudyResult(
    string Dataset,
    int Rows,
    ModelSelection Selection,
    IReadOnlyList<ScenarioResult> Scenarios,
    IReadOnlyList<ScenarioTrends> Trends,
    string Estimator,
    IReadOnlyList<CardProduction> Cards,
    LogLinearTrend? CardTrend,
    string? CardTrendMissing)
{
    /// <summary>The production estimator's rows behind <see cref="Cards"/> (estimate or reason, per catalog accelerator),
    /// for reports that need the whole estimate, not only its GWP.</summary>
    public IReadOnlyList<AcceleratorProductionRow> CardRows { get; init; } = [];

    /// <summary>The assumptions all scenarios share.</summary>
    public TrainingAssumptions Assumptions => Scenarios[0].Assumptions;
}
