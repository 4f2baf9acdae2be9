using Cradle.Core.Expressions;
using Cradle.Core.Parameters;
using Cradle.Core.Units;
using static Cradle.Core.Tests.Parameters.Definitions;

namespace Cradle.Core.Tests.Expressions;

/// <summary>
/// Long and deep expressions: nesting is refused as "too-deep" where it passes the limit, and long flat chains are
/// parsed, checked and evaluated without recursion (each would overflow the stack, killing the process, if they were not).
/// </summary>
public class DeepExpressionTests
{
    private static string Repeat(string text, int count) => string.Concat(Enumerable.Repeat(text, count));

    [Fact]
    public void A_flat_sum_of_twenty_thousand_terms_evaluates_to_twenty_thousand()
    {
        var text = string.Join(" + ", Enumerable.Repeat("1", 20_000));

        Assert.Equal(20_000, Evaluate.Text(text));
    }

    [Fact]
    public void A_flat_sum_of_twenty_thousand_parameters_resolves_with_its_unit()
    {
        // 20,000 × 1 kWh read through a parameter: the dimension inference and the compiled program walk the chain.
        var text = string.Join(" + ", Enumerable.Repeat("e", 20_000));

        var table = ParameterResolver.Resolve([Value("e", "1 kWh"), Formula("total", text)]);

        var total = table.Find("total")!;
        Assert.Equal(Dimension.Energy, total.Unit.Dimension);
        Assert.Equal(20_000 * 3.6e6, table.Evaluate().BaseValue("total"), 1e-3);
    }

    [Fact]
    public void Long_chains_of_products_and_differences_evaluate_left_to_right()
    {
        // 100 − 1 − 1 − … (99 times) = 1; 2 * 1 * 1 … = 2; each chain 10,000 long.
        Assert.Equal(1, Evaluate.Text("100" + Repeat(" - 1", 99) + Repeat(" - 0", 10_000)));
        Assert.Equal(2, Evaluate.Text("2" + Repeat(" * 1", 10_000)));
    }

    [Fact]
    public void A_long_flat_sum_evaluates_over_columns()
    {
        var text = string.Join(" + ", Enumerable.Repeat("x", 20_000));
        var compiled = CompiledExpression.Compile(ExpressionParser.Parse(text), _ => 0, text);
        var result = new double[3];

        compiled.EvaluateColumns(_ => new double[] { 1, 2, 3 }, result);

        Assert.Equal([20_000, 40_000, 60_000], result);
    }

    [Fact]
    public void A_min_of_twenty_thousand_arguments_evaluates()
    {
        var text = $"min({string.Join(", ", Enumerable.Range(1, 20_000))})";

        Assert.Equal(1, Evaluate.Text(text));
    }

    [Theory]
    [InlineData("abs(", ")", 800)]       // the 201st "abs(" starts at 200 × 4
    [InlineData("(", ")", 200)]
    [InlineData("-", "", 200)]
    [InlineData("2^", "", 401)]          // the 201st '^'
    [InlineData("sqrt(1 + ", ")", 1800)]
    public void Nesting_ten_thousand_deep_is_too_deep_at_the_level_past_the_limit(string open, string close, int position)
    {
        var text = Repeat(open, 10_000) + "1" + Repeat(close, 10_000);

        var e = Assert.Throws<ExpressionException>(() => ExpressionParser.Parse(text));

        Assert.Equal("too-deep", e.Code);
        Assert.Equal(position, e.Position);
        Assert.Contains("more than 200 levels", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Nesting_up_to_the_limit_is_accepted()
    {
        // 199 calls and a sign make 200 levels; so do 200 parentheses.
        var calls = Repeat("abs(", ExpressionParser.MaxDepth - 1) + "-1" + Repeat(")", ExpressionParser.MaxDepth - 1);
        var parentheses = Repeat("(", ExpressionParser.MaxDepth) + "7" + Repeat(")", ExpressionParser.MaxDepth);

        Assert.Equal(1, Evaluate.Text(calls));
        Assert.Equal(7, Evaluate.Text(parentheses));
    }

    [Fact]
    public void Many_unary_plus_signs_are_no_nesting()
    {
        Assert.Equal(3, Evaluate.Text(Repeat("+", 10_000) + "3"));
    }

    [Fact]
    public void A_too_deep_parameter_is_a_too_deep_problem_at_the_place()
    {
        var text = Repeat("abs(", 10_000) + "1" + Repeat(")", 10_000);

        var e = Problems(Formula("deep", text));

        var problem = Assert.Single(e.Problems);
        Assert.Equal("too-deep", problem.Code);
        Assert.Equal("deep", problem.Parameter);
        Assert.Equal(800, problem.ExpressionPosition); // "abs(" × 200, then the 201st
    }

    [Fact]
    public void A_too_deep_exchange_amount_is_a_too_deep_problem()
    {
        var table = ParameterResolver.Resolve([Value("e", "1 kWh")]);
        var text = Repeat("(", 10_000) + "e" + Repeat(")", 10_000);

        var e = Assert.Throws<ExpressionException>(() => table.CompileExpression(text, Dimension.Energy, "electricity"));

        Assert.Equal("too-deep", e.Code);
    }

    [Fact]
    public void A_chain_of_ten_thousand_parameters_each_reading_the_last_resolves()
    {
        // p0 = 1, p1 = p0 + 1, …, p9999 = p9998 + 1: the ordering search walks the chain 10,000 deep.
        var definitions = new List<ParameterDefinition> { Value("p0", "1") };
        definitions.AddRange(Enumerable.Range(1, 9_999).Select(i => Formula($"p{i}", $"p{i - 1} + 1")));
        definitions.Reverse(); // the last first, so the search starts at the deep end

        var table = ParameterResolver.Resolve(definitions);

        Assert.Equal(10_000, table.Evaluate().BaseValue("p9999"));
    }
}
