using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Cradle.Trends.Assessment;
using Cradle.Trends.Study;
using Cradle.Trends.Trends;

namespace Cradle.Cli.Trends;

/// <summary>
/// The trend study as JSON, schema <c>cradle.trends/1</c> (docs/trends.md, "Output"): dataset and counts, every skipped
/// row with its reasons, the assumptions, per scenario every model's results with bands and provenance and the
/// fitted trends, and the per-card production figures with their trend. Field names are snake_case; a value that is
/// not known is null, never 0.
/// </summary>
internal static class TrendsJson
{
    /// <summary>The schema id.</summary>
    public const string Schema = "cradle.trends/1";

    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    /// <summary>Writes the document.</summary>
    public static void Write(TrendStudyResult study, TextWriter writer) =>
        writer.WriteLine(JsonSerializer.Serialize(Document(study), Options));

    /// <summary>One model under every scenario (<c>--model NAME --format json</c>), schema <c>cradle.trends-model/1</c>.</summary>
    public static void WriteModel(IReadOnlyList<(ScenarioResult Scenario, ModelResult Model)> results, TextWriter writer) =>
        writer.WriteLine(JsonSerializer.Serialize(new
        {
            schema = "cradle.trends-model/1",
            scenarios = results.Select(r => new { id = r.Scenario.Scenario.Id, description = r.Scenario.Scenario.Description, model = Model(r.Model) }),
        }, Options));

    private static object Document(TrendStudyResult study) => new
    {
        schema = Schema,
        dataset = new { name = study.Dataset, rows = study.Rows, licence = "CC BY 4.0, Data: Epoch AI (epoch.ai)" },
        method = "reconstruction of Morand, Ligozat and Névéol's analysis (MLCA-style); see docs/trends.md",
        selection = new
        {
            assessed = study.Selection.Assessable.Count,
            skipped = study.Selection.Skipped.Count,
            skipped_by_first_reason = study.Selection.SkippedByFirstReason,
            skipped_rows = study.Selection.Skipped.Select(r => new
            {
                line = r.Row.Line,
                model = r.Row.Model,
                reasons = r.Reasons.Select(x => new { code = x.Code, message = x.Message }),
            }),
        },
        assumptions = Assumptions(study.Assumptions),
        production_estimator = study.Estimator,
        scenarios = study.Scenarios.Zip(study.Trends).Select(pair => new
        {
            id = pair.First.Scenario.Id,
            description = pair.First.Scenario.Description,
            shift_to_grids = pair.First.Scenario.ShiftToGrids,
            carbon_intensity_factor = pair.First.Scenario.CarbonIntensityFactor,
            energy_factor = pair.First.Scenario.EnergyFactor,
            trends = pair.Second.Trends.Select(Trend),
            production_share_by_year = pair.Second.ProductionShares.Select(p => new
            {
                year = p.Year, indicator = p.Indicator.Key(), models = p.Models, median_share = p.MedianShare, pooled_share = p.PooledShare,
            }),
            models = pair.First.Models.Select(Model),
        }),
        card_production = new
        {
            estimator = study.Estimator,
            trend = study.CardTrend is { } fit ? Fit(fit) : null,
            trend_missing = study.CardTrendMissing,
            cards = study.Cards.Select(c => new
            {
                accelerator = c.AcceleratorId, release_year = c.ReleaseYear, gwp100_kg = c.GwpKg, estimator = c.Estimator, unavailable = c.Unavailable,
            }),
        },
    };

    private static object Assumptions(TrainingAssumptions a) => new
    {
        server_overhead = new { value = a.ServerOverhead, min = a.ServerOverheadMin, max = a.ServerOverheadMax },
        pue = new { value = a.Pue, min = a.PueMin, max = a.PueMax },
        lifetime_years = a.LifetimeYears,
        utilisation = a.Utilisation,
        service_hours = a.ServiceHours,
        energy_basis = a.Basis == EnergyBasisPreference.PreferEpochPowerDraw ? "prefer-epoch-power-draw" : "device-power",
        draws = a.Draws,
        seed = a.Seed,
        band_level = a.BandLevel,
    };

    private static object Trend(IndicatorTrend t) => new
    {
        indicator = t.Indicator.Key(),
        phase = t.Phase.ToString().ToLowerInvariant(),
        unit = t.Unit,
        models = t.Models,
        fit = t.Fit is { } fit ? Fit(fit) : null,
        missing = t.Missing,
    };

    private static object Fit(LogLinearTrend f) => new
    {
        points = f.Count,
        growth_per_year = f.GrowthPerYear,
        growth_per_year_low = f.GrowthPerYearLow,
        growth_per_year_high = f.GrowthPerYearHigh,
        doubling_years = f.DoublingYears,
        doubling_years_low = f.DoublingYearsLow,
        doubling_years_high = f.DoublingYearsHigh,
        r_squared = f.RSquared,
        level = f.Level,
        intercept = f.Intercept,
        slope_per_year = f.Slope,
    };

    private static object Model(ModelResult m) => new
    {
        model = m.Model,
        organization = m.Organization,
        frontier_model = m.FrontierModel,
        line = m.Line,
        publication_date = m.PublicationDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        device = m.DeviceId,
        device_count = m.DeviceCount,
        training_hours = m.TrainingHours,
        energy_basis = m.EnergyBasis,
        energy_basis_note = m.EnergyBasisNote,
        grid = m.GridId,
        grid_label = m.GridLabel,
        notes = m.Notes,
        indicators = m.Indicators.Select(i => new
        {
            indicator = i.Indicator.Key(),
            unit = i.Unit,
            use = i.Use,
            production = i.Production,
            total = i.Total,
            production_share = i.ProductionShare,
            use_factor = i.UseFactor,
            production_source = i.ProductionSource,
            production_unavailable = i.ProductionUnavailable,
        }),
    };
}
