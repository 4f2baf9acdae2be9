using Cradle.Catalog.Production;

namespace Cradle.Catalog.Tests.Production;

/// <summary>The modelled footprint, the "best" chain, choosing by name and the release-year list.</summary>
public sealed class CombinerTests
{
    private static readonly AcceleratorProduction Production = new(CatalogLoader.Shipped);

    [Fact]
    public void Combined_value_is_the_geometric_mean_and_the_gsd_covers_the_spread()
    {
        // 100 and 1,000: mean √(100 × 1,000) = 316.23; spread 1,000 / 316.23 = 3.1623; 3.1623^(1/1.645) = exp(1.1513 / 1.645) = 2.0135 > 1.8.
        var wide = ModelledEstimator.Combine(ProductionCriterion.Gwp100, [new(ProductionCriterion.Gwp100, 100, 1.8), new(ProductionCriterion.Gwp100, 1000, 1.8)])!;
        Assert.Equal(316.23, wide.Value, 0.01);
        Assert.Equal(2.0135, wide.GeometricSd, 4);
        Assert.Equal(100, wide.Interval90.Low, 6);
        Assert.Equal(1000, wide.Interval90.High, 6);
        // 100 and 400: mean 200, spread 2, 2^(1/1.645) = 1.524 < 1.8: the estimators' own GSD stays.
        var narrow = ModelledEstimator.Combine(ProductionCriterion.Gwp100, [new(ProductionCriterion.Gwp100, 100, 1.8), new(ProductionCriterion.Gwp100, 400, 1.8)])!;
        Assert.Equal(200, narrow.Value, 9);
        Assert.Equal(1.8, narrow.GeometricSd);
    }

    [Fact]
    public void Modelled_H100_is_labelled_with_its_estimators()
    {
        var result = Production.Estimate("nvidia-h100-sxm5-80gb", "modelled");
        var parametric = Production.Estimate("nvidia-h100-sxm5-80gb", "ademe-parametric").Estimate!.Impact(ProductionCriterion.Gwp100)!.Value;
        var mlca = Production.Estimate("nvidia-h100-sxm5-80gb", "mlca").Estimate!.Impact(ProductionCriterion.Gwp100)!.Value;
        Assert.Equal("modelled(ademe-parametric+mlca)", result.Estimator);
        Assert.Equal(Math.Sqrt(parametric * mlca), result.Estimate!.Impact(ProductionCriterion.Gwp100)!.Value, 9);
        // Water only from the ADEME model: its own value and GSD.
        Assert.Equal(1.95, result.Estimate.Impact(ProductionCriterion.WaterUse)!.GeometricSd);
    }

    [Theory]
    [InlineData("nvidia-a100-sxm4-40gb", "ademe-measured")] // one of the eight measured cards
    [InlineData("nvidia-h100-sxm5-80gb", "catalog")] // NVIDIA HGX H100 PCF, confidence M
    [InlineData("nvidia-l40s", "modelled(ademe-parametric+mlca)")] // catalog default is GA-data's die model (confidence L)
    public void Best_prefers_measured_then_published_then_modelled(string id, string estimator) =>
        Assert.Equal(estimator, Production.Estimate(id).Estimator);

    [Fact]
    public void Best_says_why_it_cannot()
    {
        var result = Production.Estimate("google-tpu-v4");
        Assert.False(result.IsEstimated);
        Assert.Contains("ademe-parametric: no GPU die area", result.Reason, StringComparison.Ordinal);
        Assert.Contains("mlca: no GPU die area", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Catalog_estimator_reads_the_default_figures_in_criterion_units()
    {
        // H100 SXM5: 164 kg CO2e (NVIDIA HGX H100 PCF ÷ 8), 5.83e-3 kg Sb eq and 7,912 MJ (Boavizta); water is litres, left out.
        var estimate = Production.Estimate("nvidia-h100-sxm5-80gb", "catalog").Estimate!;
        Assert.Equal(164, estimate.Impact(ProductionCriterion.Gwp100)!.Value, 9);
        Assert.Equal(5.83e-3, estimate.Impact(ProductionCriterion.Adpe)!.Value, 9);
        Assert.Equal(7912, estimate.Impact(ProductionCriterion.PrimaryEnergy)!.Value, 9);
        Assert.Null(estimate.Impact(ProductionCriterion.WaterUse));
        Assert.Equal("cradle-to-gate", estimate.Scope);
        // GWP is an "estimates" figure (43–575.1 kg around 164): the farther end is 164 / 43 = 3.814 (575.1 / 164 = 3.507),
        // GSD = 3.814^(1/1.645) = exp(1.3387 / 1.645) = 2.256.
        Assert.Equal(2.256, estimate.Impact(ProductionCriterion.Gwp100)!.GeometricSd, 3);
    }

    [Fact]
    public void Unknown_names_are_refused_with_the_valid_ones()
    {
        var error = Assert.Throws<ArgumentException>(() => Production.Estimate("nvidia-h100-sxm5-80gb", "mcla"));
        Assert.Contains("mlca", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => Production.Estimate("no-such-gpu"));
    }

    [Fact]
    public void Release_year_list_has_every_catalog_accelerator_with_an_estimate_or_a_reason()
    {
        var rows = Production.ByReleaseYear("mlca");
        Assert.Equal(CatalogLoader.Shipped.List("accelerator").Count(), rows.Count);
        Assert.All(rows, r => Assert.True(r.Result.IsEstimated || !string.IsNullOrEmpty(r.Result.Reason), r.AcceleratorId));
        var h100 = rows.Single(r => r.AcceleratorId == "nvidia-h100-sxm5-80gb");
        Assert.Equal(2022, h100.ReleaseYear);
        Assert.Equal(329.83, h100.Result.Estimate!.Impact(ProductionCriterion.Gwp100)!.Value, 0.01);
    }
}
