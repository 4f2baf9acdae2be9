using Cradle.Core.Expressions;

namespace Cradle.Core.Tests.Expressions;

public class SyntaxErrorTests
{
    private static ExpressionException ParseError(string text) =>
        Assert.Throws<ExpressionException>(() => ExpressionParser.Parse(text));

    [Fact]
    public void An_unclosed_parenthesis_points_at_the_end_of_the_text()
    {
        //  "2 * (3 + 4": the ')' is missing at offset 10, the text's length
        var e = ParseError("2 * (3 + 4");

        Assert.Equal(10, e.Position);
        Assert.Contains("Missing ')'", e.Message, StringComparison.Ordinal);
        Assert.Contains("column 5", e.Message, StringComparison.Ordinal); // the '(' is the 5th character
    }

    [Fact]
    public void An_unclosed_function_call_names_the_column_of_its_parenthesis()
    {
        // "2 * max(1, 2": 'm' is the 5th character, '(' the 8th; the text ends at offset 12
        var e = ParseError("2 * max(1, 2");

        Assert.Equal(12, e.Position);
        Assert.Contains("close the '(' at column 8", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_doubled_star_points_at_the_second_star()
    {
        // "2 ** 3": offsets 0 '2', 1 ' ', 2 '*', 3 '*'; the second '*' is where a number was expected
        var e = ParseError("2 ** 3");

        Assert.Equal(3, e.Position);
        Assert.Contains("Unexpected '*'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_trailing_operator_points_past_the_end()
    {
        var e = ParseError("2 + ");

        Assert.Equal(4, e.Position);
        Assert.Contains("ends where", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_after_a_complete_expression_is_pointed_at()
    {
        // "3 kWh": numbers are pure; the unit starts at offset 2
        var e = ParseError("3 kWh");

        Assert.Equal(2, e.Position);
    }

    [Fact]
    public void A_unit_glued_to_a_number_says_numbers_are_pure()
    {
        var e = ParseError("3kWh");

        Assert.Equal(1, e.Position);
        Assert.Contains("numbers in expressions are pure", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_malformed_number_points_at_its_start()
    {
        var e = ParseError("1 + 1.2.3");

        Assert.Equal(4, e.Position);
        Assert.Contains("'1.2.3' is not a number", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void An_empty_expression_is_refused_at_offset_zero(string text)
    {
        Assert.Equal(0, ParseError(text).Position);
    }

    [Fact]
    public void An_unknown_function_suggests_the_closest_one()
    {
        // "2 * sqr(4)": the name starts at offset 4
        var e = ParseError("2 * sqr(4)");

        Assert.Equal(4, e.Position);
        Assert.Contains("Unknown function 'sqr'", e.Message, StringComparison.Ordinal);
        Assert.Contains("did you mean 'sqrt'?", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("min(1)", "at least 2")]
    [InlineData("exp(1, 2)", "takes 1 argument")]
    public void Functions_check_their_number_of_arguments(string text, string expected)
    {
        var e = ParseError(text);

        Assert.Equal(0, e.Position);
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_stray_character_is_pointed_at()
    {
        var e = ParseError("power # 2");

        Assert.Equal(6, e.Position);
    }
}
