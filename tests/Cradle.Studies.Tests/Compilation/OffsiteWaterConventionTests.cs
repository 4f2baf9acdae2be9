using Cradle.Studies.Compilation;
using Cradle.Studies.Tests.Support;

namespace Cradle.Studies.Tests.Compilation;

/// <summary>Which off-site water factor a stage used is said in words, also when there is none.</summary>
public sealed class OffsiteWaterConventionTests
{
    [Fact]
    public void A_grid_without_a_water_figure_says_so_rather_than_naming_a_source()
    {
        var text = TinyStudy.With("      water: 2 L/kWh\n", "");
        var convention = TinyStudy.Assess(text).Alternatives[0].Conventions.Single(c => c.Scope == "inference");
        Assert.Equal(EnergyConvention.NoOffsiteWaterFactor, convention.OffsiteWaterFrom);
        Assert.Contains("no off-site water factor for this grid", convention.Describe(), StringComparison.Ordinal);
        Assert.DoesNotContain("nowhere", convention.Describe(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_grid_with_a_water_figure_is_named()
    {
        var convention = TinyStudy.Assess().Alternatives[0].Conventions.Single(c => c.Scope == "inference");
        Assert.Equal("grid g", convention.OffsiteWaterFrom);
        Assert.Contains("off-site water factor from grid g", convention.Describe(), StringComparison.Ordinal);
    }
}
