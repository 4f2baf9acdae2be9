using Cradle.Catalog;
using Cradle.Catalog.Production;
using Cradle.Studies.Assessment;
using Cradle.Studies.Compilation;
using Cradle.Studies.Tests.Support;

namespace Cradle.Studies.Tests.Compilation;

/// <summary>
/// Catalog accelerators without a published embodied figure get one from the production model (docs/production.md),
/// labelled modelled, with its estimator, inputs and lognormal GSD; a device may choose the estimator
/// (<c>embodied_estimator</c>); an estimator that cannot estimate says why. Figures the catalog has are unchanged.
/// </summary>
public sealed class ProductionEstimateTests
{
    // One year of one device on a 1-year lifespan: exactly one manufactured device, so the hardware-manufacture stage
    // equals the per-device figure. No energy, so no other stage contributes.
    private const string Study = """
        cradle: 1
        name: production
        goal:
          application: tests
          audience: tests
        functional_unit:
          amount: 1 model
          description: one trained model
        system_boundary:
          included: [pre-training, hardware-manufacture]
        impact_categories: [gwp100, adpe, primary-energy]
        DEVICES
        hardware:
          fleet:
            device: DEVICE
            lifespan: 1 year
        sites:
          lab:
            grid: de
            pue: 1
            wue: 0 L/kWh
        stages:
          pre-training:
            hardware: fleet
            site: lab
            energy: 0 kWh
            device_time: 8760 h
        """;

    private static readonly AcceleratorProduction Production = new(CatalogLoader.Shipped);

    private static string StudyOn(string device, string devices = "") =>
        Study.Replace("DEVICES", devices, StringComparison.Ordinal).Replace("DEVICE", device, StringComparison.Ordinal);

    /// <summary>A study whose device 'gpu' has <paramref name="baseId"/> as base and the given estimator.</summary>
    private static string WithEstimator(string baseId, string estimator) => StudyOn("gpu", $"""
        devices:
          gpu:
            base: {baseId}
            embodied_estimator: {estimator}
        """);

    private static AlternativeAssessment Assess(string text, IReadOnlyList<(string, string)>? files = null) =>
        StudyAssessor.Assess(text, TinyStudy.File, files ?? [], null).Alternatives[0];

    /// <summary>The hardware-manufacture stage's value of <paramref name="indicator"/> (one device's figure here).</summary>
    private static double Manufacture(AlternativeAssessment a, string indicator) =>
        Assert.Single(a.Stages, s => s.Stage == "hardware-manufacture").Values[a.Categories.ToList().FindIndex(c => c.Id == indicator)];

    private static double Impact(string accelerator, string estimator, ProductionCriterion criterion) =>
        Production.Estimate(accelerator, estimator).Estimate!.Impact(criterion)!.Value;

    // The shipped H100 PCIe 80GB without its embodied figures: the ADEME / Hubblo study published this card's board, so
    // the models run on their own inputs (814 mm², 80 GB). An entry with a shipped id replaces the shipped entry.
    private const string H100PcieWithoutFigures = """
        catalog: 1
        kind: accelerator
        entries:
          - id: nvidia-h100-pcie-80gb
            name: NVIDIA H100 PCIe 80GB
            attributes: {vendor: NVIDIA, type: gpu, form_factor: PCIe, memory_gb: 80, memory_type: HBM2e, die_area_mm2: 814, released: 2022}
            figures:
              power: {value: 350 W, source: epoch-ml-hardware, year: 2022, uncertainty: {distribution: uniform, min_factor: 0.9, max_factor: 1.0}}
        """;

    [Fact]
    public void An_accelerator_without_catalog_figures_gets_the_modelled_footprint_labelled_with_estimator_and_inputs()
    {
        var a = Assess(StudyOn("nvidia-h100-pcie-80gb"), [("h100.yaml", H100PcieWithoutFigures)]);

        // MLCA by hand (A2.1): 8.14 cm² × 1.97 + 26.97 + (80 GB ÷ 0.625 GB/cm² × 2.20 + 5.22) = 329.8258 kg CO2e.
        // ademe-parametric on the study's own H100 PCIe board: 164.0 (docs/production.md; the production tests' value).
        // modelled = geometric mean √(164.0 × 329.8258) = 232.57 kg CO2e (docs: "best → modelled 232.6 (GSD 1.8)").
        var mlca = (8.14 * 1.97) + 26.97 + (80 / 0.625 * 2.20) + 5.22;
        Assert.Equal(329.8258, mlca, 4);
        var parametric = Impact("nvidia-h100-pcie-80gb", "ademe-parametric", ProductionCriterion.Gwp100);
        Assert.Equal(164.0, parametric, 0.05);
        // This study's catalog entry has no figures, but the same die, memory and board: the same models answer.
        var expected = Math.Sqrt(parametric * mlca);
        Assert.Equal(232.6, expected, 0.05);
        Assert.Equal(expected, Manufacture(a, "gwp100"), 1e-9 * expected);

        var gwp = Assert.Single(a.Inputs, i => i.Name == "devices.nvidia_h100_pcie_80gb.embodied.gwp100");
        Assert.Equal(("modelled", "kg CO2e"), (gwp.Origin, gwp.Unit));
        Assert.Equal("modelled(ademe-parametric+mlca) production estimate [ademe-hubblo-gpu-2026, mlca-2024]", gwp.Source);
        Assert.Contains("die area 814 mm², memory 80 GB HBM2e", gwp.Note, StringComparison.Ordinal);
        Assert.Contains("board published", gwp.Note, StringComparison.Ordinal);
        Assert.Contains("lognormal GSD 1.8", gwp.Note, StringComparison.Ordinal);
        Assert.Contains(a.CatalogSources, s => s.Key == "ademe-hubblo-gpu-2026");
        Assert.Contains(a.CatalogSources, s => s.Key == "mlca-2024");
        Assert.DoesNotContain(a.Warnings, w => w.Code == "missing-indicator-data" && w.Field.StartsWith("devices.", StringComparison.Ordinal));
    }

    [Fact]
    public void A_missing_indicator_is_modelled_while_the_catalogs_own_figures_stay_as_they_are()
    {
        // The shipped H200 SXM has catalog gwp100 and adpe but no primary-energy; its board is borrowed (A100 SXM4 40GB).
        var a = Assess(StudyOn("nvidia-h200-sxm-141gb"));
        var entry = CatalogLoader.Shipped.Find("nvidia-h200-sxm-141gb")!;

        Assert.Equal(entry.Figure("embodied.gwp100")!.Default.Value.Value, Manufacture(a, "gwp100"), 1e-12);
        var gwp = Assert.Single(a.Inputs, i => i.Name == "devices.nvidia_h200_sxm_141gb.embodied.gwp100");
        Assert.Equal(("declared", entry.Figure("embodied.gwp100")!.Default.Source), (gwp.Origin, gwp.Source));

        var modelled = Impact("nvidia-h200-sxm-141gb", "modelled", ProductionCriterion.PrimaryEnergy);
        Assert.Equal(modelled, Manufacture(a, "primary-energy"), 1e-9 * modelled);
        var pe = Assert.Single(a.Inputs, i => i.Name == "devices.nvidia_h200_sxm_141gb.embodied.primary_energy");
        Assert.Equal("modelled", pe.Origin);
        Assert.Contains("board proxy: NVIDIA A100 SXM4 40GB", pe.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void A_device_with_every_catalog_figure_keeps_them_all()
    {
        var a = Assess(StudyOn("nvidia-h100-sxm5-80gb"));
        var entry = CatalogLoader.Shipped.Find("nvidia-h100-sxm5-80gb")!;
        foreach (var indicator in new[] { "gwp100", "adpe", "primary-energy" })
        {
            var input = Assert.Single(a.Inputs, i => i.Name == $"devices.nvidia_h100_sxm5_80gb.embodied.{indicator.Replace('-', '_')}");
            Assert.Equal("declared", input.Origin);
            Assert.Equal(entry.Figure($"embodied.{indicator}")!.Default.Value.Value, Manufacture(a, indicator), 1e-12);
        }
    }

    [Fact]
    public void The_modelled_figure_enters_monte_carlo_with_its_lognormal_gsd()
    {
        var a = StudyAssessor.Assess(StudyOn("nvidia-h200-sxm-141gb"), TinyStudy.File, [], null, new MonteCarloOptions(200, 1, 1)).Alternatives[0];
        var inputs = a.Uncertainty!.Inputs.ToDictionary(i => i.Name, i => i.Distribution);
        var pe = Production.Estimate("nvidia-h200-sxm-141gb", "modelled").Estimate!.Impact(ProductionCriterion.PrimaryEnergy)!;
        Assert.Equal(1.8, pe.GeometricSd);
        Assert.StartsWith("lognormal (median ", inputs["devices.nvidia_h200_sxm_141gb.embodied.primary_energy"], StringComparison.Ordinal);
        Assert.EndsWith(", GSD 1.8) MJ", inputs["devices.nvidia_h200_sxm_141gb.embodied.primary_energy"], StringComparison.Ordinal);
    }

    [Fact]
    public void A_device_choosing_mlca_for_an_h100_gets_mlcas_values_in_place_of_the_catalogs()
    {
        var a = Assess(WithEstimator("nvidia-h100-sxm5-80gb", "mlca"));

        // MLCA by hand for 814 mm² and 80 GB (A2.1 factors): GWP 8.14 × 1.97 + 26.97 + 128 × 2.20 + 5.22 = 329.8258
        // (docs: 329.8); ADPe 8.14 × 5.8e-7 + 0.01707 + 128 × 6.3e-5 + 1.69e-3 = 0.02682872; PE 8.14 × 26.5 + 156 + 128 × 27.3 + 74 = 3940.11 MJ.
        Assert.Equal(329.8258, Manufacture(a, "gwp100"), 1e-9);
        Assert.Equal(0.0268287212, Manufacture(a, "adpe"), 1e-12);
        Assert.Equal(3940.11, Manufacture(a, "primary-energy"), 1e-9);
        var gwp = Assert.Single(a.Inputs, i => i.Name == "devices.gpu.embodied.gwp100");
        Assert.Equal(("modelled", "mlca production estimate [mlca-2024]"), (gwp.Origin, gwp.Source));
        Assert.Contains("die 814 mm², memory 80 GB at 0.625 GB/cm²", gwp.Note, StringComparison.Ordinal);
        var adpe = Assert.Single(a.Inputs, i => i.Name == "devices.gpu.embodied.adpe");
        Assert.Contains("lognormal GSD 3.7", adpe.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void An_estimator_chosen_with_a_stated_figure_leaves_the_stated_figure_alone()
    {
        var text = WithEstimator("nvidia-h100-sxm5-80gb", "mlca").Replace("    embodied_estimator: mlca\n",
            "    embodied_estimator: mlca\n    embodied:\n      gwp100: 463 kg CO2e\n", StringComparison.Ordinal);
        var a = Assess(text);
        Assert.Equal(463, Manufacture(a, "gwp100"), 1e-9);
        Assert.Equal(3940.11, Manufacture(a, "primary-energy"), 1e-9);
    }

    [Fact]
    public void Choosing_catalog_takes_the_catalogs_figures_alone_and_says_why_one_is_missing()
    {
        var a = Assess(WithEstimator("nvidia-h100-pcie-80gb", "catalog"));
        var entry = CatalogLoader.Shipped.Find("nvidia-h100-pcie-80gb")!;
        Assert.Equal(entry.Figure("embodied.gwp100")!.Default.Value.Value, Manufacture(a, "gwp100"), 1e-12);
        Assert.Equal(0, Manufacture(a, "primary-energy"));
        var warning = Assert.Single(a.Warnings, w => w.Code == "missing-indicator-data" && w.Message.Contains("'primary-energy'", StringComparison.Ordinal));
        Assert.Contains("embodied_estimator 'catalog' takes the catalog's figures alone, and the catalog has none", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_estimator_is_an_error_at_its_value_listing_the_valid_names_closest_first()
    {
        var text = WithEstimator("nvidia-h100-sxm5-80gb", "mlcaa");
        var error = Assert.Single(Assert.Throws<StudyException>(() => Assess(text)).Problems);
        Assert.Equal(("unknown-estimator", "devices.gpu.embodied_estimator"), (error.Code, error.Field));
        Assert.Equal(TinyStudy.Find(text, "mlcaa"), (error.Location!.Line, error.Location.Column));
        Assert.Contains("(did you mean 'mlca'?)", error.Message, StringComparison.Ordinal);
        Assert.Contains("the estimators are: mlca, ademe-measured, catalog, ademe-parametric, ademe-calculator, ademe-table2, mlca-gadata, modelled, best",
            error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("google-tpu-v4", "mlca", "no GPU die area for 'Google TPU v4'")]
    [InlineData("nvidia-h100-sxm5-80gb", "ademe-measured", "is not one of the cards ADEME measured")]
    [InlineData("amd-epyc-7742", "mlca", "'amd-epyc-7742' is a cpu: the production estimators cover accelerators only")]
    public void A_chosen_estimator_that_cannot_estimate_is_an_error_with_the_reason(string baseId, string estimator, string reason)
    {
        var text = WithEstimator(baseId, estimator);
        var error = Assert.Single(Assert.Throws<StudyException>(() => Assess(text)).Problems, p => p.Code == "cannot-estimate");
        Assert.Equal(TinyStudy.Find(text, $"embodied_estimator: {estimator}").Line, error.Location!.Line);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_estimator_without_a_base_is_a_missing_field()
    {
        var text = StudyOn("gpu", """
            devices:
              gpu:
                embodied_estimator: mlca
                embodied: {gwp100: 100 kg CO2e}
            """);
        var error = Assert.Single(Assert.Throws<StudyException>(() => Assess(text)).Problems);
        Assert.Equal(("missing-field", "devices.gpu.base"), (error.Code, error.Field));
    }

    [Fact]
    public void A_device_the_model_cannot_estimate_keeps_no_figure_and_the_warning_says_why()
    {
        // A TPU: no catalog embodied figure and no die area. The node's own figure puts manufacture in the boundary.
        var text = StudyOn("google-tpu-v4").Replace("    lifespan: 1 year\n", "    lifespan: 1 year\n    node:\n      embodied: {gwp100: 10 kg CO2e}\n", StringComparison.Ordinal);
        var a = Assess(text);
        Assert.Equal(10, Manufacture(a, "gwp100"), 1e-9); // the node alone: 10 kg × 8,760 h ÷ 8,760 h
        Assert.DoesNotContain(a.Inputs, i => i.Name.StartsWith("devices.google_tpu_v4.embodied", StringComparison.Ordinal));
        var warning = Assert.Single(a.Warnings, w => w.Code == "missing-indicator-data" && w.Message.Contains("'gwp100'", StringComparison.Ordinal));
        Assert.Equal("devices.google-tpu-v4.embodied", warning.Field);
        Assert.Contains("the catalog has none, and the production model ('modelled' estimator) cannot estimate one: "
            + "ademe-parametric: no GPU die area for 'Google TPU v4'; mlca: no GPU die area for 'Google TPU v4'", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_impact_categories_the_modelled_indicators_are_assessed_too()
    {
        // An inline grid with GWP alone; the H200's catalog figures are gwp100 and adpe, the model adds primary-energy.
        var text = StudyOn("nvidia-h200-sxm-141gb").Replace("impact_categories: [gwp100, adpe, primary-energy]\n", "", StringComparison.Ordinal)
            .Replace("    grid: de\n", "    grid: g\n", StringComparison.Ordinal)
            + "\ngrids:\n  g:\n    basis: life-cycle\n    per_kwh: {gwp100: 0.5 kg CO2e/kWh}\n";
        var a = Assess(text);
        Assert.Equal(new HashSet<string> { "gwp100", "adpe", "primary-energy" }, a.Categories.Select(c => c.Id).ToHashSet());
        Assert.True(Manufacture(a, "primary-energy") > 0);
    }

    [Fact]
    public void Every_estimator_that_computes_a_value_is_cited_by_bibliography_keys_of_the_shipped_catalog()
    {
        // The A100 SXM4 40GB is one of the eight measured cards and has a published board: every estimator answers.
        var entry = CatalogLoader.Shipped.Find("nvidia-a100-sxm4-40gb")!;
        var production = new CatalogProduction(CatalogLoader.Shipped);
        foreach (var name in production.EstimatorNames)
        {
            var result = production.Result(entry, name);
            Assert.True(result.IsEstimated, name);
            if (result.Estimator != "catalog")
            {
                Assert.All(CatalogProduction.SourceKeys(result.Estimate!), k => Assert.True(CatalogLoader.Shipped.Sources.ContainsKey(k), k));
            }
        }
    }
}
