using Cradle.Core.Expressions;
using Cradle.Core.Units;

namespace Cradle.Core.Tests.Expressions;

public class RoundingFunctionTests
{
    private static readonly Dictionary<string, Unit> Units = new(StringComparer.Ordinal)
    {
        ["gpu_time"] = KnownUnits.Hour,
        ["one_hour"] = KnownUnits.Hour,
        ["tokens"] = UnitParser.Parse("token"),
        ["per_batch"] = UnitParser.Parse("token"),
        ["gpus"] = UnitParser.Parse("GPUs"),
    };

    [Theory]
    [InlineData("ceil(2.1)", 3)]
    [InlineData("ceil(2)", 2)]
    [InlineData("ceil(-2.5)", -2)]      // towards +∞
    [InlineData("floor(2.9)", 2)]
    [InlineData("floor(-2.1)", -3)]     // towards −∞
    [InlineData("floor(7)", 7)]
    [InlineData("round(2.4)", 2)]
    [InlineData("round(2.6)", 3)]
    public void Ceil_and_floor_round_up_and_down_and_round_to_the_nearest(string text, double expected)
    {
        Assert.Equal(expected, Evaluate.Text(text));
    }

    [Theory]
    [InlineData("round(0.5)", 1)]       // half away from zero, not to even (which gives 0)
    [InlineData("round(1.5)", 2)]
    [InlineData("round(2.5)", 3)]       // to even would give 2
    [InlineData("round(-2.5)", -3)]     // away from zero on the negative side too
    [InlineData("round(-0.5)", -1)]
    public void Round_takes_halves_away_from_zero_as_people_round_by_hand(string text, double expected)
    {
        Assert.Equal(expected, Evaluate.Text(text));
    }

    [Theory]
    [InlineData("ceil_pow2(5)", 8)]         // 4 < 5 ≤ 8
    [InlineData("ceil_pow2(8)", 8)]         // a power of two is its own ceiling
    [InlineData("ceil_pow2(9)", 16)]
    [InlineData("ceil_pow2(1000)", 1024)]   // 512 < 1000 ≤ 1024 = 2^10
    [InlineData("ceil_pow2(1025)", 2048)]
    [InlineData("ceil_pow2(1)", 1)]         // 2^0
    [InlineData("ceil_pow2(0.3)", 1)]       // exponents are whole and ≥ 0: no 0.5 GPU
    [InlineData("ceil_pow2(2.0000001)", 4)]
    [InlineData("ceil_pow2(1e15)", 1125899906842624)] // 2^50 = 1.126e15 > 1e15 > 2^49 = 5.6e14
    public void Ceil_pow2_is_the_smallest_power_of_two_at_least_its_argument(string text, double expected)
    {
        Assert.Equal(expected, Evaluate.Text(text));
    }

    [Fact]
    public void Ceil_pow2_is_exact_just_above_and_at_every_power_of_two()
    {
        // 2^k itself, and the next double above it (which needs 2^(k+1)); checks ILogB, not a rounded log2.
        for (var k = 0; k < 1000; k++)
        {
            var power = Math.ScaleB(1, k);
            Assert.Equal(power, RoundingFunctions.CeilPow2(power));
            Assert.Equal(2 * power, RoundingFunctions.CeilPow2(Math.BitIncrement(power)));
        }
    }

    [Theory]
    [InlineData("ceil_pow2(0)")]
    [InlineData("ceil_pow2(-4)")]
    [InlineData("ceil_pow2(log(-1))")]
    public void Ceil_pow2_of_zero_a_negative_number_or_NaN_is_not_a_number_as_log_of_a_negative_is(string text)
    {
        // Not a silent 1: NaN is refused where the value is used, as log(-1) is.
        Assert.True(double.IsNaN(Evaluate.Text(text)));
    }

    [Fact]
    public void A_batch_count_and_a_GPU_count_are_rounded_from_parameters()
    {
        // 1e6 tokens ÷ 3000 per batch = 333.3… → ceil 334 batches; 12 GPUs → ceil_pow2 16
        Assert.Equal(334, Evaluate.Text("ceil(tokens / per_batch)", ("tokens", 1e6), ("per_batch", 3000)));
        Assert.Equal(16, Evaluate.Text("ceil_pow2(gpus)", ("gpus", 12)));
        // floor(7.9 h / 1 h) × 1 h = 7 h, in seconds: 25 200 s
        Assert.Equal(25_200, Evaluate.Text("floor(gpu_time / one_hour) * one_hour", ("gpu_time", 7.9 * 3600), ("one_hour", 3600)));
    }

    [Theory]
    [InlineData("ceil(tokens / per_batch)")]
    [InlineData("floor(gpus)")]
    [InlineData("round(gpu_time / one_hour)")]
    [InlineData("ceil_pow2(gpus * 1.5)")]
    public void Rounding_a_pure_number_gives_a_pure_number(string text)
    {
        Assert.Equal(Dimension.None, Infer(text));
    }

    [Fact]
    public void Rounding_multiplied_back_by_a_unit_has_that_unit()
    {
        Assert.Equal(Dimension.Time, Infer("ceil(gpu_time / one_hour) * one_hour"));
    }

    [Theory]
    [InlineData("ceil(gpu_time)", "ceil")]
    [InlineData("floor(tokens)", "floor")]
    [InlineData("round(gpu_time)", "round")]
    [InlineData("ceil_pow2(tokens)", "ceil_pow2")]
    public void Rounding_a_dimensioned_value_is_refused_because_the_result_depends_on_the_unit(string text, string function)
    {
        var e = Assert.Throws<ExpressionException>(() => Infer(text));

        Assert.True(e.IsUnitMismatch);
        Assert.Equal(function.Length + 1, e.Position); // at the argument, just after "name("
        Assert.Contains($"'{function}' rounds a pure number", e.Message, StringComparison.Ordinal);
        Assert.Contains("divide by a parameter in the unit to round in", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ceil(1, 2)")]
    [InlineData("floor(1, 2)")]
    [InlineData("round(1, 2, 3)")]
    [InlineData("ceil_pow2(4, 2)")]
    public void Rounding_functions_take_exactly_one_argument(string text)
    {
        var e = Assert.Throws<ExpressionException>(() => ExpressionParser.Parse(text));

        Assert.Equal(0, e.Position);
        Assert.Contains("takes 1 argument", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ceiling(2)", "'ceil'")]
    [InlineData("ceil_pow(2)", "'ceil_pow2'")]
    [InlineData("rund(2)", "'round'")]
    public void A_misspelt_rounding_function_suggests_the_right_name(string text, string suggestion)
    {
        var e = Assert.Throws<ExpressionException>(() => ExpressionParser.Parse(text));

        Assert.Contains("did you mean", e.Message, StringComparison.Ordinal);
        Assert.Contains(suggestion, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Columns_round_as_single_values_do()
    {
        const string text = "round(x0) + floor(x0) + ceil(x0) + ceil_pow2(x0)";
        var compiled = CompiledExpression.Compile(ExpressionParser.Parse(text), _ => 0, text);
        double[] column = [2.5, -2.5, 5, 0.3];
        var result = new double[column.Length];

        compiled.EvaluateColumns(_ => column, result);

        // 2.5: 3 + 2 + 3 + 4 = 12; −2.5: −3 − 3 − 2 + NaN = NaN; 5: 5 + 5 + 5 + 8 = 23; 0.3: 0 + 0 + 1 + 1 = 2
        Assert.Equal(12, result[0]);
        Assert.True(double.IsNaN(result[1]));
        Assert.Equal(23, result[2]);
        Assert.Equal(2, result[3]);
    }

    private static Dimension Infer(string text) => DimensionInference.Infer(ExpressionParser.Parse(text), n => Units[n]);
}
