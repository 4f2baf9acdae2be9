using System.Text.Json.Nodes;
using Cradle.Catalog;
using Cradle.Interchange.Background;
using Cradle.Interchange.Reading;
using Cradle.Interchange.Tests.Reading;
using Cradle.Studies.Background;
using Cradle.Studies.Compilation;
using Cradle.Studies.Definition;
using Cradle.Syntax;

namespace Cradle.Interchange.Tests.Background;

/// <summary>
/// A sampled background: the beef set with uncertainties written onto two exchanges of calf production (the set
/// itself states none), linked as one system, and the realisations checked against the hand computation of
/// FileBackgroundSourceTests (25,553,600.63975 kg CO2 eq per 3742 calves).
/// </summary>
public sealed class SampledBackgroundTests
{
    private const string Calves = "ac2816ed-803d-4436-92b6-2ea9cd5ce67a";
    private static readonly IndicatorSet Indicators = IndicatorSet.From(CatalogLoader.Shipped);
    private static readonly SourceLocation Here = new("study.yaml", 1, 1);

    // Per calf: everything but the biogenic methane (673,445 kg × 27) and the grass pasture (23,042 t of it:
    // CO2 309,278 + N2O 700.84575 × 273 = 500,608.88975 kg CO2 eq).
    private const double Stated = 25_553_600.63975 / 3742;
    private const double Methane = 673_445.0 * 27 / 3742;
    private const double Grass = 500_608.88975 / 3742;

    private static BackgroundDatabaseDefinition Sampled(string folder, int draws) =>
        new("beef", folder, Here, "beef with uncertainties", "test", Here) { MonteCarlo = "sampled", Draws = draws };

    // Writes uncertainties onto the calves' methane (exchange "Methane, biogenic") and grass pasture input.
    private static string WithUncertainties(JsonObject methane, JsonObject grass)
    {
        var copy = TestPackages.CopyToTemp(TestPackages.Beef);
        var path = Path.Combine(copy, "processes", Calves + ".json");
        var process = JsonNode.Parse(File.ReadAllText(path))!;
        foreach (var exchange in process["exchanges"]!.AsArray())
        {
            var name = (string?)exchange!["flow"]!["name"];
            if (name == "Methane, biogenic")
            {
                exchange["uncertainty"] = methane;
            }
            else if (name!.StartsWith("grass pasture", StringComparison.Ordinal))
            {
                exchange["uncertainty"] = grass;
            }
        }
        File.WriteAllText(path, process.ToJsonString());
        return copy;
    }

    [Fact]
    public void Realisations_with_zero_spread_repeat_the_stated_solve_exactly()
    {
        // SD 0 and a degenerate uniform: every realisation refills A and B with the stated values and solves again.
        var folder = WithUncertainties(
            new JsonObject { ["@type"] = "Uncertainty", ["distributionType"] = "NORMAL_DISTRIBUTION", ["mean"] = 673445.0, ["sd"] = 0.0 },
            new JsonObject { ["@type"] = "Uncertainty", ["distributionType"] = "UNIFORM_DISTRIBUTION", ["minimum"] = 23042.0, ["maximum"] = 23042.0 });
        try
        {
            var provider = new FileBackgroundSource(folder).Resolve(Sampled(".", 20), "calf production; cow-calf operation; at farm", null, Indicators);
            Assert.Equal(Stated, provider.PerUnit["gwp100"], 9);
            Assert.Equal(2, provider.UncertainExchanges);
            Assert.Equal(20, provider.Realisations!.Count);
            Assert.All(provider.Realisations, r => Assert.Equal(Stated, r["gwp100"], 9));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Realisations_stay_within_the_bounds_computed_by_hand_and_repeat_run_to_run()
    {
        // Methane uniform on ±20 % of 673,445 kg; grass pasture triangular from 23,042 to twice that (mode 23,042):
        // GWP100 per calf ∈ [Stated − 0.2 × Methane, Stated + 0.2 × Methane + Grass].
        var folder = WithUncertainties(
            new JsonObject { ["@type"] = "Uncertainty", ["distributionType"] = "UNIFORM_DISTRIBUTION", ["minimum"] = 538756.0, ["maximum"] = 808134.0 },
            new JsonObject { ["@type"] = "Uncertainty", ["distributionType"] = "TRIANGLE_DISTRIBUTION", ["minimum"] = 23042.0, ["mode"] = 23042.0, ["maximum"] = 46084.0 });
        try
        {
            var db = OpenLcaPackageReader.Read(folder);
            Assert.Equal(ExchangeDistribution.Triangular, db.Processes[Calves].Exchanges.Single(e => e.Uncertainty?.Distribution == ExchangeDistribution.Triangular).Uncertainty!.Distribution);
            var provider = new FileBackgroundSource(folder).Resolve(Sampled(".", 400), "calf production; cow-calf operation; at farm", null, Indicators);
            var gwp = provider.Realisations!.Select(r => r["gwp100"]).ToList();
            Assert.All(gwp, g => Assert.InRange(g, Stated - (0.2 * Methane) - 1e-6, Stated + (0.2 * Methane) + Grass + 1e-6));
            Assert.True(gwp.Max() - gwp.Min() > Methane * 0.2, "the realisations spread over most of the methane's range");
            // Uniform methane's mean is its stated value, the triangle's mean is 4/3 of the grass: the mean is Stated + Grass / 3.
            Assert.InRange(gwp.Average(), Stated + (Grass / 3) - (0.05 * Methane), Stated + (Grass / 3) + (0.05 * Methane));
            var again = new FileBackgroundSource(folder).Resolve(Sampled(".", 400), "calf production; cow-calf operation; at farm", null, Indicators);
            Assert.Equal(gwp, again.Realisations!.Select(r => r["gwp100"]));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Sampling_a_database_without_uncertainty_or_a_product_system_is_refused()
    {
        var source = new FileBackgroundSource(TestPackages.Root);
        var none = Assert.Throws<BackgroundSourceException>(() => source.Resolve(Sampled(TestPackages.Beef, 10), "calf production; cow-calf operation; at farm", null, Indicators));
        Assert.Contains("states no uncertainty on any exchange", none.Message, StringComparison.Ordinal);
        var system = Assert.Throws<BackgroundSourceException>(() => source.Resolve(Sampled(TestPackages.Beef, 10), null, "beef cattle finishing; CCF operation; at auction; LW", Indicators));
        Assert.Contains("a sampled background is drawn for process links", system.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unusable_uncertainty_is_a_finding_and_the_amount_stays_exact()
    {
        var folder = WithUncertainties(
            new JsonObject { ["@type"] = "Uncertainty", ["distributionType"] = "LOG_NORMAL_DISTRIBUTION", ["geomMean"] = 673445.0, ["geomSd"] = 0.5 },
            new JsonObject { ["@type"] = "Uncertainty", ["distributionType"] = "NO_DISTRIBUTION" });
        try
        {
            var db = OpenLcaPackageReader.Read(folder);
            var finding = Assert.Single(db.Findings, f => f.Code == "unusable-uncertainty");
            Assert.Equal($"processes/{Calves}.json", finding.File);
            Assert.All(db.Processes[Calves].Exchanges, e => Assert.Null(e.Uncertainty));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
