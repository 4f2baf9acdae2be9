using Cradle.Catalog;
using Cradle.Studies.Assessment;
using Cradle.Studies.Tests.Support;

namespace Cradle.Studies.Tests.Compilation;

/// <summary>
/// A study can name catalog entries instead of defining them inline: a device by id or alias, a grid by id, a cloud
/// region as a site. The figures are the catalog's defaults, cited by their bibliography keys in the results.
/// </summary>
public sealed class CatalogResolutionTests
{
    // A user catalog with one accelerator, one grid, one provider fleet and one cloud region, so these tests do not
    // depend on the shipped data. Figures equal TinyStudy's inline ones, so results can be compared exactly.
    private const string UserCatalog = """
        catalog: 1
        kind: bibliography
        entries:
          - {key: test-sheet, authors: Test Vendor, title: Test datasheet, year: 2025, licence: cited figure}
        """;

    private const string Devices = """
        catalog: 1
        kind: accelerator
        defaults:
          uncertainty:
            power: {distribution: uniform, min_factor: 0.9, max_factor: 1.0}
            embodied.gwp100: {distribution: lognormal, gsd: 1.5}
            embodied.water: {distribution: lognormal, gsd: 2}
        entries:
          - id: test-gpu-x1
            name: Test GPU X1 80GB
            aliases: [X1, Test X1-80GB]
            figures:
              power: {value: 400 W, source: test-sheet, year: 2025}
              embodied.gwp100: {value: 100 kg CO2e, source: test-sheet, year: 2025}
              embodied.water: {value: 50 L, source: test-sheet, year: 2025}
        """;

    private const string Grids = """
        catalog: 1
        kind: grid
        defaults:
          uncertainty:
            gwp100: {distribution: lognormal, gsd: 1.1}
            water: {distribution: lognormal, gsd: 1.5}
        entries:
          - id: testland
            name: Testland
            figures:
              gwp100: {value: 500 g CO2e/kWh, source: test-sheet, year: 2024, basis: life-cycle}
              water: {value: 2 L/kWh, source: test-sheet, year: 2024}
        """;

    private const string Cloud = """
        catalog: 1
        kind: datacentre
        entries:
          - id: test-fleet
            name: Test provider fleet
            figures:
              pue: {value: 1.5, source: test-sheet, year: 2024, uncertainty: {distribution: normal, relative_sd: 0.02}}
              wue: {value: 0.25 L/kWh, source: test-sheet, year: 2024, uncertainty: {distribution: normal, relative_sd: 0.1}}
        """;

    private const string Regions = """
        catalog: 1
        kind: cloud-region
        entries:
          - id: test-east-1
            name: Test East (Testland)
            refs: {grid: testland, datacentre: test-fleet}
        """;

    private static readonly (string, string)[] Files =
        [("bib.yaml", UserCatalog), ("devices.yaml", Devices), ("grids.yaml", Grids), ("dc.yaml", Cloud), ("regions.yaml", Regions)];

    private static StudyAssessment Assess(string text) => StudyAssessor.Assess(text, TinyStudy.File, Files, null);

    /// <summary>TinyStudy with its device, grid and site taken from the catalog instead.</summary>
    private static string CatalogStudy(string device = "X1") => TinyStudy.Text[..TinyStudy.Text.IndexOf("devices:", StringComparison.Ordinal)]
        + $"""
        hardware:
          fleet:
            device: {device}
            per_node: 4
            lifespan: 2 year
            utilisation: 0.5
        stages:
          pre-training:
            hardware: fleet
            site: test-east-1
            energy: 1000 kWh
            device_time: 2000 h
        inference:
          hardware: fleet
          site: test-east-1
          lifetime_requests: 1e6 request
          energy_per_request: 0.002 kWh/request
          device_time_per_request: 1 s/request
        """;

    [Fact]
    public void Catalog_device_grid_and_cloud_region_give_the_same_results_as_the_inline_study()
    {
        var inline = TinyStudy.Assess().Alternatives[0];
        var fromCatalog = Assess(CatalogStudy()).Alternatives[0];
        Assert.Equal(inline.Categories.Select(c => c.Id), fromCatalog.Categories.Select(c => c.Id));
        for (var k = 0; k < inline.Totals.Count; k++)
        {
            Assert.Equal(inline.Totals[k], fromCatalog.Totals[k], 1e-12 * inline.Totals[k]);
        }
    }

    [Theory]
    [InlineData("test-gpu-x1")]
    [InlineData("Test GPU X1 80GB")]
    [InlineData("test x1 80 gb")]
    public void A_device_resolves_from_its_id_name_or_an_alias_as_people_write_it(string written)
    {
        var a = Assess(CatalogStudy(written)).Alternatives[0];
        Assert.Contains("test-gpu-x1", a.CatalogEntries);
        Assert.Contains(a.Inputs, i => i.Name == "devices.test_gpu_x1.power" && i.Source == "test-sheet" && i.Origin == "declared");
    }

    [Fact]
    public void Results_record_the_catalog_version_and_the_sources_used()
    {
        var a = Assess(CatalogStudy()).Alternatives[0];
        Assert.StartsWith(ReferenceCatalog.ShippedVersion, a.CatalogVersion, StringComparison.Ordinal);
        Assert.Contains("bib.yaml", a.CatalogVersion, StringComparison.Ordinal);
        Assert.Equal(new HashSet<string> { "test-gpu-x1", "test-east-1", "testland", "test-fleet" }, a.CatalogEntries.ToHashSet());
        Assert.Equal(["test-sheet"], a.CatalogSources.Select(s => s.Key));
    }

    [Fact]
    public void Catalog_figures_bring_their_uncertainty_to_monte_carlo_by_default()
    {
        var a = StudyAssessor.Assess(CatalogStudy(), TinyStudy.File, Files, null, new MonteCarloOptions(1000, 1, 1)).Alternatives[0];
        var inputs = a.Uncertainty!.Inputs.ToDictionary(i => i.Name, i => i.Distribution);
        Assert.Equal("uniform (360 to 400) W", inputs["devices.test_gpu_x1.power"]);              // defaults: ×0.9 to ×1
        Assert.Equal("lognormal (median 100, GSD 1.5) kg CO2e", inputs["devices.test_gpu_x1.embodied.gwp100"]);
        Assert.Equal("normal (mean 1.5, SD 0.03)", inputs["sites.test_east_1.pue"]);           // relative SD 0.02
    }

    [Fact]
    public void An_unknown_catalog_id_suggests_the_closest_entries()
    {
        var errors = Assert.Throws<StudyException>(() => Assess(CatalogStudy("test-gpu-x2"))).Problems;
        var error = Assert.Single(errors, e => e.Code == "unknown-device");
        Assert.Contains("did you mean 'test-gpu-x1'", error.Message, StringComparison.Ordinal);
        Assert.Contains("cradle catalog search", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_study_can_bring_its_own_catalog_file_that_overrides_by_id()
    {
        // The study's catalog file raises Testland's grid to 600 g/kWh: every kWh now emits 0.6 × PUE 1.5 kg.
        var text = "catalog: [my-grid.yaml]\n" + CatalogStudy();
        var files = new Dictionary<string, string> { ["my-grid.yaml"] = Grids.Replace("500 g CO2e/kWh", "600 g CO2e/kWh", StringComparison.Ordinal) };
        var overridden = StudyAssessor.Assess(text, TinyStudy.File, Files.Where(f => f.Item1 != "grids.yaml").ToList(), path => files[path]);
        var baseline = Assess(CatalogStudy());
        var energyPerRequest = 0.002 + (1000 / 1e6); // IT energy per request: serving 0.002 kWh + training 1,000 kWh ÷ 10⁶ requests
        Assert.Equal(baseline.Alternatives[0].Totals[0] + (energyPerRequest * 1.5 * 0.1), overridden.Alternatives[0].Totals[0], 12);
    }

    [Fact]
    public void A_figure_from_a_user_catalog_file_is_credited_to_that_file_not_the_shipped_catalog()
    {
        var text = "catalog: [my-grid.yaml]\n" + CatalogStudy();
        var files = new Dictionary<string, string> { ["my-grid.yaml"] = Grids.Replace("500 g CO2e/kWh", "600 g CO2e/kWh", StringComparison.Ordinal) };
        var overridden = StudyAssessor.Assess(text, TinyStudy.File, Files.Where(f => f.Item1 != "grids.yaml").ToList(), path => files[path]);
        var grid = Assert.Single(overridden.Alternatives[0].Inputs, i => i.Name.EndsWith(".per_kwh.gwp100", StringComparison.Ordinal));
        Assert.StartsWith("catalog file my-grid.yaml;", grid.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_study_catalog_file_is_an_error_at_the_catalog_line()
    {
        var text = "catalog: [missing.yaml]\n" + CatalogStudy();
        var errors = Assert.Throws<StudyException>(() => StudyAssessor.Assess(text, TinyStudy.File, Files, _ => throw new FileNotFoundException("no such file"))).Problems;
        var error = Assert.Single(errors);
        Assert.Equal(("unreadable-catalog", 1), (error.Code, error.Location!.Line));
    }

    [Fact]
    public void A_catalog_device_with_embodied_figures_must_be_placed_in_the_boundary()
    {
        var text = CatalogStudy().Replace("included: [pre-training, inference, hardware-manufacture]", "included: [pre-training, inference]", StringComparison.Ordinal);
        Assert.Contains(Assert.Throws<StudyException>(() => Assess(text)).Problems, e => e.Code == "boundary-incomplete");
    }
}
