using Cradle.Catalog;
using Cradle.Catalog.Production;
using Cradle.Trends.Assessment;
using Cradle.Trends.Study;
using Cradle.Trends.Trends;

namespace Cradle.Trends.Tests;

public sealed class TrendStudyTests
{
    private static readonly Lazy<TrendStudyResult> Study = new(() =>
    {
        using var csv = new StreamReader(EpochData.CsvPath);
        return TrendStudy.Run("notable_ai_models.csv", csv, CatalogLoader.Shipped,
            new TrendStudyOptions(TrendStudyOptions.DefaultScenarios, TrainingAssumptions.Default with { Draws = 500 }));
    });

    [Fact]
    public void The_whole_file_is_read_every_row_is_accounted_for_and_every_scenario_is_assessed()
    {
        var study = Study.Value;

        Assert.Equal(EpochData.Rows.Count, study.Rows);
        Assert.Equal(study.Rows, study.Selection.Assessable.Count + study.Selection.Skipped.Count);
        Assert.Equal(["baseline", "shift-lowest-of-se-no-is-fr", "carbon-aware-30", "hardware-x0.5"], study.Scenarios.Select(s => s.Scenario.Id));
        Assert.All(study.Scenarios, s => Assert.Equal(study.Selection.Assessable.Count, s.Models.Count));
        Assert.Equal(study.Scenarios.Select(s => s.Scenario.Id), study.Trends.Select(t => t.ScenarioId));
        Assert.Equal("mlca", study.Estimator);
    }

    [Fact]
    public void Production_comes_from_the_chosen_estimator_for_every_card_it_can_estimate()
    {
        var study = Study.Value;
        var production = new AcceleratorProduction(CatalogLoader.Shipped);
        foreach (var model in study.Scenarios[0].Models)
        {
            var gwp = model.Result(Indicator.Gwp);
            var expected = production.Estimate(model.DeviceId, "mlca");
            if (expected.Estimate is { } estimate)
            {
                // Central production = the card's MLCA median × devices × hours ÷ service hours (44,676 h).
                var perCard = estimate.Impact(ProductionCriterion.Gwp100)!.Value;
                Assert.Equal(perCard * model.DeviceCount * model.TrainingHours / TrainingAssumptions.Default.ServiceHours,
                    gwp.Production!.Central, 9);
                Assert.StartsWith("mlca estimator", gwp.ProductionSource, StringComparison.Ordinal);
            }
            else
            {
                Assert.Null(gwp.Production);
                Assert.Contains("mlca cannot estimate " + model.DeviceId, gwp.ProductionUnavailable, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void Card_production_grows_with_release_year_and_cards_without_a_die_area_are_listed_with_the_reason()
    {
        var study = Study.Value;

        // Newer accelerators have larger dies and much more memory, both of which the die-area model charges.
        Assert.NotNull(study.CardTrend);
        Assert.True(study.CardTrend!.GrowthPerYear > 1, $"card GWP growth per year {study.CardTrend.GrowthPerYear}");
        var withFigure = study.Cards.Count(c => c.GwpKg is not null && c.ReleaseYear is not null);
        Assert.Equal(withFigure, study.CardTrend.Count);
        Assert.Contains(study.Cards, c => c.GwpKg is null && c.Unavailable!.Contains("die area", StringComparison.Ordinal));
    }

    [Fact]
    public void Location_shifting_lowers_use_gwp_and_leaves_production_as_it_was()
    {
        var (baseline, shifted) = (Study.Value.Scenarios[0], Study.Value.Scenarios[1]);
        for (var i = 0; i < baseline.Models.Count; i++)
        {
            var (before, after) = (baseline.Models[i].Result(Indicator.Gwp), shifted.Models[i].Result(Indicator.Gwp));
            Assert.True(after.Use.Central <= before.Use.Central, baseline.Models[i].Model);
            Assert.Equal(before.Production?.Central, after.Production?.Central);
        }
    }

    [Fact]
    public void An_unknown_estimator_is_refused_with_the_valid_names()
    {
        using var csv = new StreamReader(EpochData.CsvPath);
        var e = Assert.Throws<ArgumentException>(() => TrendStudy.Run("x", csv, CatalogLoader.Shipped,
            new TrendStudyOptions([Scenario.Baseline], TrainingAssumptions.Default with { Draws = 100 }, "mcla")));
        Assert.Contains("mlca", e.Message, StringComparison.Ordinal);
    }
}
