using Cradle.Studies.Tests.Support;
using Cradle.Syntax;

namespace Cradle.Studies.Tests.Reading;

/// <summary>
/// YAML that parses but is not a study's shape: nesting tens of thousands deep (which would overflow the stack while
/// the nodes are built), a second document after '---', a list or mapping used as a key. Each is a coded error at
/// its line and column, never a crash or an internal error.
/// </summary>
public sealed class YamlStructureTests
{
    private static string Repeat(string text, int count) => string.Concat(Enumerable.Repeat(text, count));

    [Theory]
    [InlineData("[", "]")]
    [InlineData("{a: ", "}")]
    public void Nesting_thirty_thousand_levels_deep_is_too_deep_where_the_limit_is_passed(string open, string close)
    {
        var prefix = "  reasons: ";
        var text = TinyStudy.With("  audience: tests\n", $"  audience: tests\n{prefix}{Repeat(open, 30_000)}1{Repeat(close, 30_000)}\n");

        var error = Assert.Single(TinyStudy.Errors(text));

        Assert.Equal("too-deep", error.Code);
        var (line, column) = TinyStudy.Find(text, prefix);
        // The study and 'goal' are two levels, so the 99th opening in the value is the 101st level.
        Assert.Equal(line, error.Location!.Line);
        Assert.Equal(column + prefix.Length + (open.Length * (YamlDocumentLoader.MaxDepth - 2)), error.Location.Column);
        Assert.Contains("more than 100 levels", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Block_lists_nested_thirty_thousand_deep_on_one_line_are_too_deep()
    {
        var text = TinyStudy.With("  audience: tests\n", $"  audience: tests\n  reasons:\n    {Repeat("- ", 30_000)}1\n");

        var error = Assert.Single(TinyStudy.Errors(text));

        Assert.Equal("too-deep", error.Code);
        Assert.Equal(TinyStudy.Find(text, "- - ").Line, error.Location!.Line);
    }

    [Fact]
    public void Nesting_within_the_limit_is_read_as_usual()
    {
        // 90 levels is deep but allowed; the study then fails only because 'reasons' is not a single value.
        var text = TinyStudy.With("  audience: tests\n", $"  audience: tests\n  reasons: {Repeat("[", 90)}1{Repeat("]", 90)}\n");

        var error = Assert.Single(TinyStudy.Errors(text));

        Assert.Equal("wrong-kind", error.Code);
        Assert.Equal("goal.reasons", error.Field);
    }

    [Fact]
    public void A_second_document_is_refused_at_its_line()
    {
        var text = TinyStudy.Text + "\n---\nname: other\n";

        var error = Assert.Single(TinyStudy.Errors(text));

        Assert.Equal("multiple-documents", error.Code);
        Assert.Equal(TinyStudy.Find(text, "---").Line, error.Location!.Line);
        Assert.Contains("second YAML document", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\n---\n- 1\n")]
    [InlineData("\n---\n")]
    [InlineData("\n...\n---\ncradle: 1\n")]
    public void A_second_document_of_any_kind_is_refused(string tail)
    {
        var text = TinyStudy.Text + tail;

        var error = Assert.Single(TinyStudy.Errors(text));

        Assert.Equal("multiple-documents", error.Code);
        Assert.Equal(TinyStudy.Find(text, "---").Line, error.Location!.Line);
    }

    [Fact]
    public void A_study_that_starts_with_three_dashes_is_one_document()
    {
        var assessment = TinyStudy.Assess("---\n" + TinyStudy.Text + "\n...\n");

        Assert.Single(assessment.Alternatives);
    }

    [Fact]
    public void A_list_used_as_a_top_level_key_is_a_complex_key_error_at_the_key()
    {
        var text = TinyStudy.With("name: tiny\n", "name: tiny\n? [a, b]\n: 1\n");

        var error = Assert.Single(TinyStudy.Errors(text));

        Assert.Equal("complex-key", error.Code);
        Assert.Equal(TinyStudy.Find(text, "[a, b]"), (error.Location!.Line, error.Location.Column));
        Assert.Contains("names, but this key is a list", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_mapping_used_as_a_key_among_ids_is_a_complex_key_error()
    {
        // 'devices' is read as id → fields; a mapping as an id is refused, the other devices are read.
        var text = TinyStudy.With("devices:\n", "devices:\n  ? {x: 1}\n  : {power: 1 W}\n");

        var error = Assert.Single(TinyStudy.Errors(text));

        Assert.Equal("complex-key", error.Code);
        Assert.Equal("devices", error.Field);
        Assert.Equal(TinyStudy.Find(text, "{x: 1}"), (error.Location!.Line, error.Location.Column));
    }

    [Theory]
    [InlineData("\\e", "\\u001b")]
    [InlineData("\\t", "\\t")]
    [InlineData("\\0", "\\u0000")]
    [InlineData("\\n", "\\n")]
    [InlineData("\\u202e", "\\u202e")]
    public void Control_characters_in_an_unknown_key_are_escaped_in_the_message(string yamlEscape, string shown)
    {
        var text = TinyStudy.With("name: tiny\n", $"name: tiny\n\"na{yamlEscape}me\": x\n");

        var error = TinyStudy.Error(text, "unknown-key");

        Assert.Equal($"na{shown}me", error.Field);
        Assert.Contains($"'na{shown}me' is not a field of a study", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(error.ToString(), c => char.IsControl(c) || c == '\u202e');
    }
}
