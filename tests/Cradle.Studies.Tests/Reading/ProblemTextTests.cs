using Cradle.Syntax;

namespace Cradle.Studies.Tests.Reading;

/// <summary>How a problem reads on one line: place, severity, code, field, message — escaped, with no empty field.</summary>
public sealed class ProblemTextTests
{
    [Fact]
    public void A_problem_with_a_field_names_it()
    {
        var problem = new InputProblem("unknown-key", Severity.Error, new SourceLocation("s.yaml", 3, 5), "sites.x.pu", "'pu' is not a field.");
        Assert.Equal("s.yaml:3:5: error [unknown-key] sites.x.pu: 'pu' is not a field.", problem.ToString());
    }

    [Fact]
    public void A_problem_of_the_whole_file_has_no_empty_field()
    {
        var problem = new InputProblem("multiple-documents", Severity.Error, new SourceLocation("s.yaml", 9, 1), "", "a second YAML document starts here.");
        Assert.Equal("s.yaml:9:1: error [multiple-documents] a second YAML document starts here.", problem.ToString());
    }

    [Fact]
    public void Control_characters_from_the_file_are_escaped_in_every_part()
    {
        var problem = new InputProblem("gwp-missing", Severity.Warning, new SourceLocation("a\u001bb.yaml", 1, 1), "grids.g\u0000", "no figure for \u001b[31mred");
        Assert.Equal("a\\u001bb.yaml:1:1: warning [gwp-missing] grids.g\\u0000: no figure for \\u001b[31mred", problem.ToString());
    }

    [Fact]
    public void A_key_of_a_million_characters_is_echoed_in_one_short_line()
    {
        var key = new string('k', 1_000_000);
        var problem = new InputProblem("unknown-key", Severity.Error, new SourceLocation("s.yaml", 2, 1), key, $"'{key}' is not a field of a study.");
        var text = problem.ToString();
        Assert.True(text.Length < 400, text);
        Assert.Contains("kkk…(1,000,000 characters): 'kkk", text, StringComparison.Ordinal);
        Assert.EndsWith("…(1,000,002 characters) is not a field of a study.", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_message_quoting_an_expression_of_thousands_of_terms_keeps_its_start_and_end()
    {
        var sum = string.Join(" + ", Enumerable.Repeat("1", 20_000));
        var text = Printable.Elide($"x = {sum} is not finite; check for an overflow.");
        Assert.True(text.Length < Printable.LongestMessage, text);
        Assert.StartsWith("x = 1 + 1", text, StringComparison.Ordinal);
        Assert.Contains("characters)…", text, StringComparison.Ordinal);
        Assert.EndsWith("1 + 1 is not finite; check for an overflow.", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("nvidia-h100-sxm5-80gb is not a device")]
    [InlineData("")]
    public void Ordinary_text_is_left_as_it_is(string text) => Assert.Equal(text, Printable.Elide(text));
}
