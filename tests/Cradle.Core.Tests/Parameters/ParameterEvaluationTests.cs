using Cradle.Core.Parameters;
using static Cradle.Core.Tests.Parameters.Definitions;
using Cradle.Core.Units;

namespace Cradle.Core.Tests.Parameters;

public class ParameterEvaluationTests
{
    private static ParameterTable TrainingRun() => ParameterResolver.Resolve(
    [
        Value("gpu_hours", "1000 h"),
        Value("gpu_power", "700 W"),
        Value("pue", "1.2"),
        Formula("it_energy", "gpu_hours * gpu_power"),
        Formula("facility_energy", "it_energy * pue", "MWh"),
    ]);

    [Fact]
    public void Value_parameters_evaluate_in_base_units()
    {
        var values = TrainingRun().Evaluate();

        Assert.Equal(3.6e6, values.BaseValue("gpu_hours")); // 1000 h × 3600 s/h
        Assert.Equal(700, values.BaseValue("gpu_power"));   // W = J/s
        Assert.Equal(1.2, values.BaseValue("pue"));
    }

    [Fact]
    public void Expression_parameters_evaluate_in_base_units_and_show_in_their_unit()
    {
        // it_energy = 1000 h × 700 W = 700 kWh = 700 × 3.6e6 J = 2.52e9 J
        // facility_energy = 700 kWh × 1.2 = 840 kWh = 0.84 MWh = 3.024e9 J
        var values = TrainingRun().Evaluate();

        Assert.Equal(2.52e9, values.BaseValue("it_energy"), 1e-3);
        Assert.Equal(700, values.InOwnUnit("it_energy"), 1e-12);
        Assert.Equal(3.024e9, values.BaseValue("facility_energy"), 1e-3);
        Assert.Equal(0.84, values.InOwnUnit("facility_energy"), 1e-15);
    }

    [Fact]
    public void An_undeclared_expression_is_shown_in_the_preferred_unit_of_its_dimension()
    {
        // energy → kWh (not J)
        var table = TrainingRun();

        Assert.Equal("kWh", table.Find("it_energy")!.Unit.Symbol);
        Assert.Equal("MWh", table.Find("facility_energy")!.Unit.Symbol);
    }

    [Fact]
    public void Parameters_are_ordered_so_each_is_evaluated_after_what_it_reads()
    {
        // Defined before its inputs: total = a + b, then a, then b.
        var table = ParameterResolver.Resolve([Formula("total", "a + b"), Value("a", "1 kg"), Value("b", "500 g")]);
        var order = table.Parameters.Select(p => p.Name).ToList();

        Assert.True(order.IndexOf("total") > order.IndexOf("a"));
        Assert.True(order.IndexOf("total") > order.IndexOf("b"));
        Assert.Equal(Enumerable.Range(0, 3), table.Parameters.Select(p => p.Slot));
        Assert.Equal(1.5, table.Evaluate().BaseValue("total")); // 1 kg + 0.5 kg
    }

    [Fact]
    public void An_override_replaces_a_value_and_flows_into_the_expressions_that_read_it()
    {
        // gpu_hours = 2000 h = 7.2e6 s: it_energy = 2000 h × 700 W = 1400 kWh; facility = 1680 kWh = 1.68 MWh
        var values = TrainingRun().Evaluate(new Dictionary<string, double> { ["gpu_hours"] = 7.2e6 });

        Assert.Equal(1400, values.InOwnUnit("it_energy"), 1e-12);
        Assert.Equal(1.68, values.InOwnUnit("facility_energy"), 1e-14);
    }

    [Fact]
    public void An_override_of_an_expression_parameter_replaces_its_formula()
    {
        // it_energy forced to 1000 kWh = 3.6e9 J: facility = 1000 kWh × 1.2 = 1.2 MWh
        var values = TrainingRun().Evaluate(new Dictionary<string, double> { ["it_energy"] = 3.6e9 });

        Assert.Equal(1000, values.InOwnUnit("it_energy"), 1e-12);
        Assert.Equal(1.2, values.InOwnUnit("facility_energy"), 1e-14);
        Assert.Equal(3.6e6, values.BaseValue("gpu_hours")); // untouched
    }

    [Fact]
    public void Evaluating_without_overrides_after_an_override_gives_the_defined_values_again()
    {
        var table = TrainingRun();
        table.Evaluate(new Dictionary<string, double> { ["pue"] = 2 });

        Assert.Equal(1.2, table.Evaluate().BaseValue("pue"));
    }

    [Fact]
    public void Asking_for_a_parameter_that_does_not_exist_throws()
    {
        Assert.Throws<KeyNotFoundException>(() => TrainingRun().Evaluate().BaseValue("gpu_hour"));
    }

    [Theory]
    [InlineData("1gpu")]
    [InlineData("gpu-hours")]
    [InlineData("")]
    public void Names_that_expressions_could_not_read_are_refused(string name)
    {
        Assert.False(ParameterDefinition.IsValidName(name));
        Assert.Throws<ArgumentException>(() => Value(name, "1 h"));
    }

    [Fact]
    public void A_value_parameter_must_be_finite()
    {
        Assert.Throws<ArgumentException>(() =>
            ParameterDefinition.FromValue("x", new Quantity(double.NaN, Unit.One), new Provenance(DataOrigin.Measured)));
    }

    [Fact]
    public void Overriding_a_parameter_that_does_not_exist_is_an_error_not_a_silent_no_op()
    {
        var e = Assert.Throws<ParameterException>(() => TrainingRun().Evaluate(new Dictionary<string, double> { ["gpu_hour"] = 1 }));

        var problem = Assert.Single(e.Problems);
        Assert.Equal("unknown-parameter", problem.Code);
        Assert.Contains("did you mean 'gpu_hours'", problem.Message, StringComparison.Ordinal);
    }
}
