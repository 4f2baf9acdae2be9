using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Cradle.Trends.Assessment;
using Cradle.Trends.Study;
using Cradle.Trends.Trends;

namespace Cradle.Reports.Trends;

/// <summary>
/// The trend study as JSON, schema <c>cradle.trends/1</c> (docs/trends.md, "Output"): dataset and counts, every skipped
/// row with its reasons, the assumptions, per scenario every model's results with bands and provenance and the
/// fitted trends, and the per-card production figures with their trend. Field names are snake_case; a value that is
/// not known is null, never 0.
/// </summary>
/// <remarks>
/// The document is built as a <see cref="JsonNode"/> tree, not by serialising objects: reflection-based serialisation
/// does not survive NativeAOT (docs/performance.md, "Start-up"), and the tree writes the same bytes.
/// </remarks>
public static class TrendsJson
{
    /// <summary>The schema id.</summary>
    public const string Schema = "cradle.trends/1";

    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Writes the document.</summary>
    public static void Write(TrendStudyResult study, TextWriter writer) => writer.WriteLine(Text(Document(study)));

    /// <summary>One model under every scenario (<c>--model NAME --format json</c>), schema <c>cradle.trends-model/1</c>.</summary>
    public static void WriteModel(IReadOnlyList<(ScenarioResult Scenario, ModelResult Model)> results, TextWriter writer) =>
        writer.WriteLine(Text(new JsonObject
        {
            ["schema"] = "cradle.trends-model/1",
            ["scenarios"] = Array(results, r => new JsonObject
            {
                ["id"] = r.Scenario.Scenario.Id, ["description"] = r.Scenario.Scenario.Description, ["model"] = Model(r.Model),
            }),
        }));

    private static string Text(JsonNode document)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            document.WriteTo(json);
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private static JsonArray Array<T>(IEnumerable<T> items, Func<T, JsonNode?> node)
    {
        var array = new JsonArray();
        foreach (var item in items)
        {
            array.Add(node(item));
        }

        return array;
    }

    private static JsonObject Document(TrendStudyResult study) => new()
    {
        ["schema"] = Schema,
        ["dataset"] = new JsonObject { ["name"] = study.Dataset, ["rows"] = study.Rows, ["licence"] = "CC BY 4.0, Data: Epoch AI (epoch.ai)" },
        ["method"] = "reconstruction of Morand, Ligozat and Névéol's analysis (MLCA-style); see docs/trends.md",
        ["selection"] = new JsonObject
        {
            ["assessed"] = study.Selection.Assessable.Count,
            ["skipped"] = study.Selection.Skipped.Count,
            ["skipped_by_first_reason"] = Counts(study.Selection.SkippedByFirstReason),
            ["skipped_rows"] = Array(study.Selection.Skipped, r => new JsonObject
            {
                ["line"] = r.Row.Line,
                ["model"] = r.Row.Model,
                ["reasons"] = Array(r.Reasons, x => new JsonObject { ["code"] = x.Code, ["message"] = x.Message }),
            }),
        },
        ["assumptions"] = Assumptions(study.Assumptions),
        ["production_estimator"] = study.Estimator,
        ["scenarios"] = Array(study.Scenarios.Zip(study.Trends), pair => new JsonObject
        {
            ["id"] = pair.First.Scenario.Id,
            ["description"] = pair.First.Scenario.Description,
            ["shift_to_grids"] = pair.First.Scenario.ShiftToGrids is { } grids ? Array(grids, g => g) : null,
            ["carbon_intensity_factor"] = pair.First.Scenario.CarbonIntensityFactor,
            ["energy_factor"] = pair.First.Scenario.EnergyFactor,
            ["trends"] = Array(pair.Second.Trends, Trend),
            ["production_share_by_year"] = Array(pair.Second.ProductionShares, p => new JsonObject
            {
                ["year"] = p.Year, ["indicator"] = p.Indicator.Key(), ["models"] = p.Models, ["median_share"] = p.MedianShare, ["pooled_share"] = p.PooledShare,
            }),
            ["models"] = Array(pair.First.Models, Model),
        }),
        ["card_production"] = new JsonObject
        {
            ["estimator"] = study.Estimator,
            ["trend"] = study.CardTrend is { } fit ? Fit(fit) : null,
            ["trend_missing"] = study.CardTrendMissing,
            ["cards"] = Array(study.Cards, c => new JsonObject
            {
                ["accelerator"] = c.AcceleratorId, ["release_year"] = c.ReleaseYear, ["gwp100_kg"] = c.GwpKg, ["estimator"] = c.Estimator, ["unavailable"] = c.Unavailable,
            }),
        },
    };

    // A dictionary's keys are written as they are (no naming policy applied to them, as the serialiser did).
    private static JsonObject Counts(IReadOnlyDictionary<string, int> counts)
    {
        var node = new JsonObject();
        foreach (var (key, count) in counts)
        {
            node[key] = count;
        }

        return node;
    }

    private static JsonObject Assumptions(TrainingAssumptions a) => new()
    {
        ["server_overhead"] = new JsonObject { ["value"] = a.ServerOverhead, ["min"] = a.ServerOverheadMin, ["max"] = a.ServerOverheadMax },
        ["pue"] = new JsonObject { ["value"] = a.Pue, ["min"] = a.PueMin, ["max"] = a.PueMax },
        ["lifetime_years"] = a.LifetimeYears,
        ["utilisation"] = a.Utilisation,
        ["service_hours"] = a.ServiceHours,
        ["energy_basis"] = a.Basis == EnergyBasisPreference.PreferEpochPowerDraw ? "prefer-epoch-power-draw" : "device-power",
        ["draws"] = a.Draws,
        ["seed"] = a.Seed,
        ["band_level"] = a.BandLevel,
    };

    private static JsonObject Trend(IndicatorTrend t) => new()
    {
        ["indicator"] = t.Indicator.Key(),
        ["phase"] = t.Phase.ToString().ToLowerInvariant(),
        ["unit"] = t.Unit,
        ["models"] = t.Models,
        ["fit"] = t.Fit is { } fit ? Fit(fit) : null,
        ["missing"] = t.Missing,
    };

    private static JsonObject Fit(LogLinearTrend f) => new()
    {
        ["points"] = f.Count,
        ["growth_per_year"] = f.GrowthPerYear,
        ["growth_per_year_low"] = f.GrowthPerYearLow,
        ["growth_per_year_high"] = f.GrowthPerYearHigh,
        ["doubling_years"] = f.DoublingYears,
        ["doubling_years_low"] = f.DoublingYearsLow,
        ["doubling_years_high"] = f.DoublingYearsHigh,
        ["r_squared"] = f.RSquared,
        ["level"] = f.Level,
        ["intercept"] = f.Intercept,
        ["slope_per_year"] = f.Slope,
    };

    private static JsonObject Model(ModelResult m) => new()
    {
        ["model"] = m.Model,
        ["organization"] = m.Organization,
        ["frontier_model"] = m.FrontierModel,
        ["line"] = m.Line,
        ["publication_date"] = m.PublicationDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        ["device"] = m.DeviceId,
        ["device_count"] = m.DeviceCount,
        ["training_hours"] = m.TrainingHours,
        ["energy_basis"] = m.EnergyBasis,
        ["energy_basis_note"] = m.EnergyBasisNote,
        ["grid"] = m.GridId,
        ["grid_label"] = m.GridLabel,
        ["notes"] = Array(m.Notes, n => n),
        ["indicators"] = Array(m.Indicators, i => new JsonObject
        {
            ["indicator"] = i.Indicator.Key(),
            ["unit"] = i.Unit,
            ["use"] = Band(i.Use),
            ["production"] = Band(i.Production),
            ["total"] = Band(i.Total),
            ["production_share"] = Band(i.ProductionShare),
            ["use_factor"] = i.UseFactor,
            ["production_source"] = i.ProductionSource,
            ["production_unavailable"] = i.ProductionUnavailable,
        }),
    };

    // The record's properties in declaration order, snake_case, as the serialiser wrote them.
    private static JsonObject? Band(Band? b) => b is null ? null : new JsonObject
    {
        ["central"] = b.Central, ["median"] = b.Median, ["low"] = b.Low, ["high"] = b.High,
    };
}
