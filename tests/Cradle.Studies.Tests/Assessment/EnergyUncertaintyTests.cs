using Cradle.Results.Json;
using Cradle.Studies.Assessment;
using Cradle.Studies.Tests.Support;

namespace Cradle.Studies.Tests.Assessment;

/// <summary>
/// With Monte Carlo, the energy rows get their statistics from the same draws as the categories. The tiny study's
/// serving energy is made triangular: minimum and mode 0.002, maximum 0.0026 kWh/request; pre-training stays exact
/// (1,000 kWh ÷ 10⁶ requests = 0.001 kWh IT per request, × PUE 1.5 = 0.0015 kWh grid).
/// </summary>
public sealed class EnergyUncertaintyTests
{
    private const int Draws = 20_000;

    private static readonly string Triangular = TinyStudy.With("  energy_per_request: 0.002 kWh/request",
        "  energy_per_request:\n    value: 0.002 kWh/request\n    uncertainty: {distribution: triangular, min: 0.002 kWh/request, max: 0.0026 kWh/request}");

    private static StudyAssessment Assess() =>
        StudyAssessor.Assess(Triangular, TinyStudy.File, [], null, new MonteCarloOptions(Draws, 7, 1));

    [Fact]
    public void Serving_energy_rows_have_the_triangle_mean_and_percentiles_times_pue()
    {
        var energy = Assess().Alternatives[0].Energy;
        var inference = energy.Scopes.Single(s => s.Scope == "inference");
        var u = Assert.IsType<EnergyStatistics>(inference.Uncertainty);
        // Mean of a triangle = (min + mode + max) ÷ 3 = (0.002 + 0.002 + 0.0026) ÷ 3 = 0.0022 kWh IT; × 1.5 = 0.0033 grid.
        // Its SD is √((a² + b² + c² − ab − ac − bc) ÷ 18) = 1.414e-4, so the mean of 20,000 draws is within 1e-6 of it
        // (SE 1.0e-6 relative 0.05 %); the tolerance of 0.3 % is six standard errors.
        Assert.Equal(0.0022, u.ItEnergy.Mean, 0.0022 * 0.003);
        Assert.Equal(0.0033, u.GridElectricity.Mean, 0.0033 * 0.003);
        // Mode at the minimum: F(x) = 1 − ((b − x) ÷ (b − a))², so x_p = b − (b − a)√(1 − p):
        // p2.5: 0.0026 − 0.0006 × √0.975 = 0.0026 − 0.00059245 = 0.00200755; p97.5: 0.0026 − 0.0006 × √0.025 = 0.00250513.
        Assert.Equal(0.00200755, u.ItEnergy.P025, 0.00200755 * 0.003);
        Assert.Equal(0.00250513, u.ItEnergy.P975, 0.00250513 * 0.003);
        // Facility = grid = IT × 1.5 in every draw, so their statistics are the IT ones × 1.5 (to rounding).
        Assert.Equal(u.ItEnergy.Mean * 1.5, u.FacilityEnergy.Mean, 1e-15);
        Assert.Equal(u.ItEnergy.P975 * 1.5, u.GridElectricity.P975, 1e-15);
        // Pre-training is exact: every draw 0.001 kWh IT, 0.0015 kWh grid.
        var training = energy.Scopes.Single(s => s.Scope == "pre-training").Uncertainty!;
        Assert.Equal((0.001, 0.001, 0.0015), (training.ItEnergy.P025, training.ItEnergy.P975, training.GridElectricity.Mean), new ToleranceComparer(1e-15));
        // Totals are summed per draw: mean IT 0.001 + 0.0022 = 0.0032, grid 0.0015 + 0.0033 = 0.0048.
        Assert.Equal(0.0032, energy.Uncertainty!.ItEnergy.Mean, 0.0032 * 0.003);
        Assert.Equal(0.0048, energy.Uncertainty.GridElectricity.Mean, 0.0048 * 0.003);
        Assert.Equal(training.ItEnergy.P975 + u.ItEnergy.P975, energy.Uncertainty.ItEnergy.P975, 1e-12);
    }

    [Fact]
    public void Without_monte_carlo_the_energy_rows_have_no_statistics()
    {
        var energy = TinyStudy.Assess(Triangular).Alternatives[0].Energy;
        Assert.Null(energy.Uncertainty);
        Assert.All(energy.Scopes, s => Assert.Null(s.Uncertainty));
    }

    [Fact]
    public void The_statistics_travel_into_the_results_json_and_back()
    {
        var assessment = Assess();
        var text = Json(ResultsBuilder.From(assessment, null));
        using var document = System.Text.Json.JsonDocument.Parse(text);
        var energy = document.RootElement.GetProperty("alternatives")[0].GetProperty("energy");
        var inference = energy.GetProperty("scopes").EnumerateArray().Single(s => s.GetProperty("scope").GetString() == "inference");
        var grid = inference.GetProperty("uncertainty").GetProperty("grid_electricity");
        Assert.Equal(assessment.Alternatives[0].Energy.Scopes.Single(s => s.Scope == "inference").Uncertainty!.GridElectricity.Mean, grid.GetProperty("mean").GetDouble());
        Assert.True(energy.GetProperty("uncertainty").GetProperty("it_energy").TryGetProperty("p97_5", out _));
        var read = ResultsReader.Read(text);
        Assert.Equal(text, Json(read));
    }

    private static string Json(Cradle.Results.AssessmentResults results)
    {
        using var writer = new StringWriter();
        ResultsWriter.Write(results, writer);
        return writer.ToString();
    }

    private sealed class ToleranceComparer(double tolerance) : IEqualityComparer<(double, double, double)>
    {
        public bool Equals((double, double, double) x, (double, double, double) y) =>
            Math.Abs(x.Item1 - y.Item1) <= tolerance && Math.Abs(x.Item2 - y.Item2) <= tolerance && Math.Abs(x.Item3 - y.Item3) <= tolerance;

        public int GetHashCode((double, double, double) obj) => 0;
    }
}
