using Cradle.Catalog.Production;

namespace Cradle.Catalog.Tests.Production;

/// <summary>The MLCA formula (GPU-PRODUCTION.md A2.1) on cards the dossier worked by hand (A2.2).</summary>
public sealed class MlcaEstimatorTests
{
    private static AcceleratorSpec Card(double? die, double? memory) => new("test card", null, die, memory, null, null, null);

    [Fact]
    public void V100_32GB_at_the_default_density()
    {
        // Die 815 mm² = 8.15 cm², 32 GB at 0.625 GB/cm² = 51.2 cm² of DRAM.
        // GWP = 8.15 × 1.97 + 26.97 + 51.2 × 2.20 + 5.22 = 16.06 + 26.97 + 112.64 + 5.22 = 160.89 kg CO2e.
        // PE  = 8.15 × 26.5 + 156 + 51.2 × 27.3 + 74 = 215.98 + 156 + 1,397.76 + 74 = 1,843.7 MJ.
        // ADP = 8.15 × 5.8e-7 + 0.01707 + 51.2 × 6.3e-5 + 1.69e-3 = 0.0000047 + 0.01707 + 0.0032256 + 0.00169 = 0.021990 kg Sb eq.
        var estimate = new MlcaEstimator().Estimate(Card(815, 32)).Estimate!;
        Assert.Equal(160.89, estimate.Impact(ProductionCriterion.Gwp100)!.Value, 0.01);
        Assert.Equal(1843.7, estimate.Impact(ProductionCriterion.PrimaryEnergy)!.Value, 0.1);
        Assert.Equal(0.021990, estimate.Impact(ProductionCriterion.Adpe)!.Value, 6);
        Assert.Null(estimate.Impact(ProductionCriterion.WaterUse));
        Assert.Equal("cradle-to-gate", estimate.Scope);
    }

    [Fact]
    public void Ga_data_density_halves_the_memory_term_of_an_80GB_card()
    {
        // H100 80 GB, 814 mm². 0.625: 16.04 + 26.97 + 128 × 2.2 + 5.22 = 329.83 kg. 1.8762: 80/1.8762 = 42.64 cm²,
        // 16.04 + 26.97 + 93.80 + 5.22 = 142.03 kg (dossier A6: 330 → 142).
        Assert.Equal(329.83, new MlcaEstimator().Estimate(Card(814, 80)).Estimate!.Impact(ProductionCriterion.Gwp100)!.Value, 0.01);
        var dense = new MlcaEstimator("mlca-gadata", MlcaEstimator.GaDataDensityGbPerCm2);
        Assert.Equal(142.03, dense.Estimate(Card(814, 80)).Estimate!.Impact(ProductionCriterion.Gwp100)!.Value, 0.01);
    }

    [Fact]
    public void No_memory_skips_the_memory_terms()
    {
        // 100 mm² = 1 cm²: 1.97 + 26.97 = 28.94 kg, no DRAM base.
        Assert.Equal(28.94, new MlcaEstimator().Estimate(Card(100, 0)).Estimate!.Impact(ProductionCriterion.Gwp100)!.Value, 6);
    }

    [Fact]
    public void Missing_inputs_give_the_reason()
    {
        var noDie = new MlcaEstimator().Estimate(Card(null, 80));
        Assert.False(noDie.IsEstimated);
        Assert.Contains("no GPU die area", noDie.Reason, StringComparison.Ordinal);
        Assert.Contains("no memory capacity", new MlcaEstimator().Estimate(Card(814, null)).Reason, StringComparison.Ordinal);
    }
}
