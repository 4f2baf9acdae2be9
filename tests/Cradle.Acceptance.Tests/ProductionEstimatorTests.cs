namespace Cradle.Acceptance.Tests;

/// <summary>
/// <c>cradle assess</c> on catalog accelerators whose embodied figures come from the production model: a chosen
/// estimator's values are listed as modelled with its bibliography key cited in full; an unknown estimator is an error
/// at its line and column listing the valid names; a device the model cannot estimate is a warning with the reason.
/// </summary>
public sealed class ProductionEstimatorTests
{
    // One year of one device on a 1-year lifespan: the hardware-manufacture stage is one device's figure.
    private const string Study = """
        cradle: 1
        name: production estimators
        goal:
          application: tests
          audience: tests
        functional_unit:
          amount: 1 model
          description: one trained model
        system_boundary:
          included: [pre-training, hardware-manufacture]
        impact_categories: [gwp100, adpe, primary-energy]
        devices:
          h100:
            base: nvidia-h100-sxm5-80gb
            embodied_estimator: ESTIMATOR
        hardware:
          fleet:
            device: DEVICE
            lifespan: 1 year
            node:
              embodied: {gwp100: 10 kg CO2e, adpe: 0.001 kg Sb eq, primary-energy: 100 MJ}
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

    private static string StudyWith(string estimator, string device = "h100") =>
        Study.Replace("ESTIMATOR", estimator, StringComparison.Ordinal).Replace("DEVICE", device, StringComparison.Ordinal);

    [Fact]
    public async Task A_device_choosing_mlca_lists_mlcas_values_as_modelled_and_cites_mlca()
    {
        using var temp = new TempDirectory();
        var study = temp.Write("study.yaml", StudyWith("mlca"));
        var run = await CliRunner.InProcessAsync("assess", study);
        Assert.Equal(0, run.ExitCode);
        // MLCA for 814 mm² and 80 GB: 8.14 × 1.97 + 26.97 + 80 ÷ 0.625 × 2.20 + 5.22 = 329.8 kg CO2e (docs/production.md).
        Assert.Contains("devices.h100.embodied.gwp100 = 329.8 kg CO2e — modelled, mlca production estimate [mlca-2024]", run.Output, StringComparison.Ordinal);
        Assert.Contains("[mlca-2024] Morand, C., Ligozat, A.-L., Névéol, A. (2024). MLCA: a tool for Machine Learning Life Cycle Assessment.", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_estimator_is_an_error_at_its_line_and_column_with_the_valid_names()
    {
        using var temp = new TempDirectory();
        var study = temp.Write("study.yaml", StudyWith("mlcaa"));
        var run = await CliRunner.InProcessAsync("assess", study);
        Assert.Equal(1, run.ExitCode);
        // Line 15 of the study, the value after "    embodied_estimator: " (column 25).
        Assert.Contains($"{study}:15:25: error [unknown-estimator] devices.h100.embodied_estimator: 'mlcaa' is not a production estimator (did you mean 'mlca'?); "
            + "the estimators are: mlca, ademe-measured, catalog, ademe-parametric, ademe-calculator, ademe-table2, mlca-gadata, modelled, best", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_catalog_accelerator_the_model_cannot_estimate_is_a_warning_with_the_reason()
    {
        using var temp = new TempDirectory();
        var study = temp.Write("study.yaml", StudyWith("mlca", "google-tpu-v4"));
        var run = await CliRunner.InProcessAsync("assess", study);
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("warning [missing-indicator-data] devices.google-tpu-v4.embodied: no 'gwp100' figure: Climate change, GWP100 of this hardware is not counted "
            + "(an underestimate): the catalog has none, and the production model ('modelled' estimator) cannot estimate one: "
            + "ademe-parametric: no GPU die area for 'Google TPU v4'; mlca: no GPU die area for 'Google TPU v4'.", run.Output, StringComparison.Ordinal);
    }
}
