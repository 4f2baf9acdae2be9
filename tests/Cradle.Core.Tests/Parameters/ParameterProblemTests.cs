using Cradle.Core.Parameters;
using static Cradle.Core.Tests.Parameters.Definitions;

namespace Cradle.Core.Tests.Parameters;

public class ParameterProblemTests
{
    [Fact]
    public void Declaring_an_energy_expression_in_kilograms_is_a_unit_mismatch()
    {
        // gpu_hours × power = h × W = an energy, declared in kg (a mass)
        var e = Problems(Value("gpu_hours", "1000 h"), Value("power", "700 W"), Formula("energy", "gpu_hours * power", "kg"));

        var problem = Assert.Single(e.Problems);
        Assert.Equal("unit-mismatch", problem.Code);
        Assert.Equal("energy", problem.Parameter);
        Assert.Contains("gives an energy", problem.Message, StringComparison.Ordinal);
        Assert.Contains("kg (mass)", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Adding_mismatched_parameters_is_a_unit_mismatch_at_the_operator()
    {
        // "e + m": the '+' is at offset 2
        var e = Problems(Value("e", "1 kWh"), Value("m", "1 kg"), Formula("x", "e + m"));

        var problem = Assert.Single(e.Problems);
        Assert.Equal("unit-mismatch", problem.Code);
        Assert.Equal(2, problem.ExpressionPosition);
    }

    [Fact]
    public void A_misspelt_name_is_an_unknown_parameter_with_a_suggestion()
    {
        // "gpu_hour * power": the misspelt name starts at offset 0
        var e = Problems(Value("gpu_hours", "1000 h"), Value("power", "700 W"), Formula("energy", "gpu_hour * power"));

        var problem = Assert.Single(e.Problems);
        Assert.Equal("unknown-parameter", problem.Code);
        Assert.Equal("energy", problem.Parameter);
        Assert.Equal(0, problem.ExpressionPosition);
        Assert.Contains("'gpu_hour' is not a parameter", problem.Message, StringComparison.Ordinal);
        Assert.Contains("did you mean 'gpu_hours'", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_cycle_is_reported_with_its_whole_path_in_order()
    {
        var e = Problems(Formula("a", "b * 2"), Formula("b", "c + 1"), Formula("c", "a / 3"));

        var problem = Assert.Single(e.Problems);
        Assert.Equal("parameter-cycle", problem.Code);
        Assert.Contains("a → b → c → a", problem.Message, StringComparison.Ordinal);
        Assert.Contains("a → b → c → a", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_parameter_that_reads_itself_is_a_cycle_of_one()
    {
        var e = Problems(Formula("a", "a + 1"));

        Assert.Equal("parameter-cycle", Assert.Single(e.Problems).Code);
        Assert.Contains("a → a", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_cycle_reached_from_outside_lists_only_the_loop()
    {
        // top reads a; a → b → a is the loop, top is not part of it
        var e = Problems(Formula("top", "a"), Formula("a", "b"), Formula("b", "a"));

        var problem = Assert.Single(e.Problems);
        Assert.Contains("a → b → a", problem.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("top →", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_name_defined_twice_is_a_duplicate()
    {
        var e = Problems(Value("pue", "1.2"), Value("pue", "1.1"));

        var problem = Assert.Single(e.Problems);
        Assert.Equal("duplicate-parameter", problem.Code);
        Assert.Equal("pue", problem.Parameter);
    }

    [Fact]
    public void A_syntax_error_is_reported_with_its_position()
    {
        // "2 * (x": the ')' is missing at offset 6
        var e = Problems(Value("x", "1"), Formula("y", "2 * (x"));

        var problem = Assert.Single(e.Problems);
        Assert.Equal("expression-syntax", problem.Code);
        Assert.Equal(6, problem.ExpressionPosition);
    }

    [Fact]
    public void Every_problem_is_listed_at_once_in_definition_order()
    {
        var e = Problems(
            Value("x", "1 kWh"),
            Value("x", "2 kWh"),
            Formula("y", "2 *"),
            Formula("z", "w + 1"));

        Assert.Equal(["duplicate-parameter", "expression-syntax", "unknown-parameter"], e.Problems.Select(p => p.Code));
        Assert.Equal(3, e.Message.Split(Environment.NewLine).Length);
    }

    [Fact]
    public void A_unit_mismatch_is_found_even_when_the_expression_is_defined_before_what_it_reads()
    {
        // exp(3 kWh) has no meaning; x is defined first but checked after y's unit is known
        var e = Problems(Formula("x", "exp(y)"), Value("y", "3 kWh"));

        var problem = Assert.Single(e.Problems);
        Assert.Equal("unit-mismatch", problem.Code);
        Assert.Equal("x", problem.Parameter);
        Assert.Equal(4, problem.ExpressionPosition);
    }

    [Fact]
    public void A_power_whose_unit_cannot_be_represented_is_a_unit_mismatch_not_a_crash()
    {
        // kWh^200 would need a length exponent of 400; resolving used to throw OverflowException.
        var e = Problems(Value("e", "1 kWh"), Formula("x", "e^200"));

        Assert.Equal("unit-mismatch", Assert.Single(e.Problems).Code);
    }
}
