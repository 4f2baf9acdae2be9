using Cradle.Catalog;
using Cradle.Core.Units;
using Cradle.Trends.Assessment;
using Cradle.Trends.Trends;
using Xunit.Abstractions;

namespace Cradle.Trends.Tests;

/// <summary>
/// The directions the rebound paper reports (Morand et al., arXiv 2510.09022), checked on the real snapshot: moving
/// training to low-carbon grids cuts use-phase GWP but not production, so production's share of GWP rises (impact
/// shifting); and ADPe does not follow carbon intensity.
/// </summary>
public sealed class ScenarioTests(ITestOutputHelper output)
{
    private static readonly string[] LowCarbonSet = ["se", "no", "is", "fr"];

    private static readonly Lazy<IReadOnlyList<ScenarioResult>> Results = new(() => EpochData.Assessor(TrainingAssumptions.Default with { Draws = 2000 })
        .Assess(EpochData.Selection.Assessable,
            [Scenario.Baseline, Scenario.LocationShift(LowCarbonSet), Scenario.LocationShift("no"), Scenario.CarbonAware(0.3), Scenario.EfficientHardware(0.5)]));

    private static ScenarioResult Baseline => Results.Value[0];
    private static ScenarioResult LowestOfSet => Results.Value[1];
    private static ScenarioResult Norway => Results.Value[2];
    private static ScenarioResult CarbonAware => Results.Value[3];
    private static ScenarioResult Efficient => Results.Value[4];

    private static IEnumerable<(ModelResult Base, ModelResult Other)> Pairs(ScenarioResult other) => Baseline.Models.Zip(other.Models);

    [Fact]
    public void The_lowest_carbon_grid_of_a_set_is_chosen()
    {
        // Default GWP per kWh: Iceland 27.68 g, Norway 30.08, Sweden 40.695, France 56.039 → Iceland.
        Assert.All(LowestOfSet.Models, m => Assert.Equal("is", m.GridId));
        Assert.Contains("lowest-carbon of se, no, is, fr", LowestOfSet.Models[0].GridLabel, StringComparison.Ordinal);
    }

    [Fact]
    public void Location_shifting_lowers_use_phase_GWP_but_not_production()
    {
        foreach (var (b, s) in Pairs(LowestOfSet))
        {
            var before = b.Result(Indicator.Gwp);
            var after = s.Result(Indicator.Gwp);
            // Every baseline grid emits more than Iceland's 27.68 g/kWh, so use GWP falls for every model.
            Assert.True(after.Use.Median < before.Use.Median, $"{b.Model}: use GWP {before.Use.Median} → {after.Use.Median}");
            Assert.Equal(before.Production, after.Production); // same devices, same hours, same draws
        }
    }

    [Fact]
    public void Productions_share_of_GWP_rises_under_the_low_carbon_scenario()
    {
        var pairs = Pairs(LowestOfSet).Where(p => p.Base.Result(Indicator.Gwp).ProductionShare is not null).ToList();
        Assert.NotEmpty(pairs);
        Assert.All(pairs, p => Assert.True(p.Other.Result(Indicator.Gwp).ProductionShare!.Median > p.Base.Result(Indicator.Gwp).ProductionShare!.Median));
        var before = Shares(Baseline);
        var after = Shares(LowestOfSet);
        output.WriteLine($"pooled production share of GWP: baseline {before:P1}, lowest-carbon grid {after:P1}");
        Assert.True(after > 2 * before);
    }

    private static double Shares(ScenarioResult result)
    {
        var withProduction = result.Models.Select(m => m.Result(Indicator.Gwp)).Where(r => r.Production is not null).ToList();
        return withProduction.Sum(r => r.Production!.Median) / withProduction.Sum(r => r.Production!.Median + r.Use.Median);
    }

    [Fact]
    public void ADPe_does_not_fall_with_carbon_intensity()
    {
        // The grids' ADPe per kWh (EcoLogits / ADEME Base Impacts 2011) is driven by the metals in the generating plant,
        // not by fossil fuel burnt: Norway's hydro-dominated grid emits 30.08 g CO2e/kWh against the US's 369.473
        // (12 × less) but has 1.2749e-7 kg Sb eq/kWh against 9.855e-8 (1.29 × more). Moving US models to Norway
        // therefore raises their use-phase ADPe while cutting GWP.
        foreach (var (b, n) in Pairs(Norway).Where(p => p.Base.GridId == "us"))
        {
            Assert.True(n.Result(Indicator.Gwp).Use.Central < b.Result(Indicator.Gwp).Use.Central / 10);
            Assert.True(n.Result(Indicator.Adpe).Use.Central > 1.25 * b.Result(Indicator.Adpe).Use.Central);
        }
        // Carbon-aware scheduling lowers the GWP per kWh only: ADPe stays where it was, draw for draw.
        Assert.All(Pairs(CarbonAware), p => Assert.Equal(p.Base.Result(Indicator.Adpe).Use, p.Other.Result(Indicator.Adpe).Use));
        Assert.All(Pairs(CarbonAware), p => Assert.Equal(0.7 * p.Base.Result(Indicator.Gwp).Use.Central, p.Other.Result(Indicator.Gwp).Use.Central, 6));
        // Across the catalog's grids with both factors, carbon intensity barely predicts ADPe (rank correlation below 0.5).
        var gwpUnit = UnitParser.Parse("kg CO2 eq/kWh");
        var grids = CatalogLoader.Shipped.List("grid").Where(g => g.Figure("adpe") is not null && g.Figure("gwp100") is not null)
            .Select(g => (Gwp: g.Figure("gwp100")!.Default.Value.ConvertTo(gwpUnit).Value, Adpe: g.Figure("adpe")!.Default.Value.Value)).ToList();
        var rho = Spearman(grids.Select(g => g.Gwp).ToList(), grids.Select(g => g.Adpe).ToList());
        output.WriteLine($"{grids.Count} grids, Spearman ρ(GWP, ADPe) = {rho:0.00}");
        Assert.True(grids.Count >= 30);
        Assert.True(rho < 0.5, $"ρ = {rho}");
    }

    private static double Spearman(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        static double[] Ranks(IReadOnlyList<double> v)
        {
            var order = Enumerable.Range(0, v.Count).OrderBy(i => v[i]).ToArray();
            var ranks = new double[v.Count];
            for (var r = 0; r < order.Length; r++)
            {
                ranks[order[r]] = r;
            }
            return ranks;
        }
        return MathNet.Numerics.Statistics.Correlation.Pearson(Ranks(x), Ranks(y));
    }

    [Fact]
    public void More_efficient_hardware_halves_use_and_leaves_production()
    {
        foreach (var (b, e) in Pairs(Efficient))
        {
            Assert.Equal(0.5 * b.Result(Indicator.Energy).Use.Central, e.Result(Indicator.Energy).Use.Central, 6);
            Assert.Equal(b.Result(Indicator.Gwp).Production, e.Result(Indicator.Gwp).Production);
        }
    }

    [Fact]
    public void Impacts_keep_rising_in_every_scenario()
    {
        foreach (var result in Results.Value)
        {
            var trends = TrendAnalysis.Analyse(result);
            foreach (var t in trends.Trends.Where(t => t.Fit is not null))
            {
                output.WriteLine(System.FormattableString.Invariant(
                    $"{result.Scenario.Id,-28} {t.Indicator,-14} {t.Phase,-10} n={t.Models,3} ×{t.Fit!.GrowthPerYear:0.00}/yr [{t.Fit.GrowthPerYearLow:0.00}–{t.Fit.GrowthPerYearHigh:0.00}] doubling {t.Fit.DoublingYears:0.00} yr [{t.Fit.DoublingYearsLow:0.00}–{t.Fit.DoublingYearsHigh:0.00}] R²={t.Fit.RSquared:0.00}"));
            }
            // The paper's finding: training energy and GWP rise exponentially, also under reduction scenarios.
            Assert.True(trends.Trend(Indicator.Energy, Phase.Use).Fit!.SlopeLow > 0);
            Assert.True(trends.Trend(Indicator.Gwp, Phase.Total).Fit!.SlopeLow > 0);
            Assert.Null(trends.Trend(Indicator.Energy, Phase.Total).Missing);
        }
        var shares = TrendAnalysis.Analyse(LowestOfSet).ProductionShares.Where(s => s.Indicator == Indicator.Gwp);
        foreach (var s in shares)
        {
            output.WriteLine(System.FormattableString.Invariant($"{s.Year} n={s.Models} median share {s.MedianShare:P1} pooled {s.PooledShare:P1}"));
        }
    }
}
