using Cradle.Core.Expressions;

namespace Cradle.Core.Tests.Expressions;

public class PrecedenceTests
{
    [Theory]
    [InlineData("2+3*4", 14)]          // * before +: 2 + 12
    [InlineData("(2+3)*4", 20)]        // parentheses first: 5 × 4
    [InlineData("2^3^2", 512)]         // ^ is right-associative: 2^(3^2) = 2^9
    [InlineData("-2^2", -4)]           // ^ binds tighter than unary minus: −(2²)
    [InlineData("(-2)^2", 4)]
    [InlineData("2^-1", 0.5)]          // a signed exponent
    [InlineData("-2*3", -6)]
    [InlineData("2*-3", -6)]
    [InlineData("2--3", 5)]            // 2 − (−3)
    [InlineData("+4", 4)]
    [InlineData("10-4-3", 3)]          // left-associative: (10 − 4) − 3
    [InlineData("64/4/2", 8)]          // left-associative: (64 / 4) / 2
    [InlineData("1e3 * 0.5", 500)]
    [InlineData(".5 + 1E-1", 0.6)]
    [InlineData("  7  ", 7)]
    public void Operators_follow_the_usual_precedence(string text, double expected)
    {
        Assert.Equal(expected, Evaluate.Text(text), 1e-15);
    }

    [Theory]
    [InlineData("min(3, 1, 2)", 1)]
    [InlineData("max(3, 1, 2)", 3)]
    [InlineData("min(4, 9)", 4)]
    [InlineData("exp(0)", 1)]
    [InlineData("log(exp(2))", 2)]     // natural logarithm
    [InlineData("sqrt(16)", 4)]
    [InlineData("abs(-2.5)", 2.5)]
    [InlineData("max(1, 2) * min(3, 4) + abs(-1)", 7)] // 2 × 3 + 1
    [InlineData("sqrt(9) ^ 2", 9)]
    public void Built_in_functions_compute_what_their_names_say(string text, double expected)
    {
        Assert.Equal(expected, Evaluate.Text(text), 1e-15);
    }

    [Fact]
    public void Parameters_are_read_from_their_slots()
    {
        // GPU energy of a run: 1000 GPU-hours × 0.7 kW × PUE 1.2 = 840 kWh
        var energy = Evaluate.Text("gpu_hours * gpu.power * pue",
            ("gpu_hours", 1000), ("gpu.power", 0.7), ("pue", 1.2));

        Assert.Equal(840, energy, 1e-12);
    }

    [Fact]
    public void A_parameter_read_twice_is_one_slot()
    {
        var compiled = CompiledExpression.Compile(ExpressionParser.Parse("x * x + y"), n => n == "x" ? 0 : 1, "x * x + y");

        Assert.Equal([0, 1], compiled.Slots);
        Assert.False(compiled.IsConstant);
        Assert.Equal(11, compiled.Evaluate([3, 2])); // 3 × 3 + 2
    }

    [Fact]
    public void Deeply_nested_expressions_evaluate_beyond_the_stack_buffer()
    {
        // 1+(1+(1+…)) 100 deep keeps 101 values on the evaluation stack at once.
        var text = string.Concat(Enumerable.Repeat("1+(", 100)) + "1" + new string(')', 100);

        Assert.Equal(101, Evaluate.Text(text));
    }
}
