using Cradle.Studies.Tests.Support;
using Cradle.Syntax;

namespace Cradle.Studies.Tests.Reading;

/// <summary>
/// Anchors and aliases are YAML, and a study may use them to repeat a block; what they can do to a reader is refused
/// before any node is built: a key holding an alias (which can refer to itself and hash forever), and aliases of
/// aliases that expand a small file to billions of values. Found in review; each used to crash or hang Cradle.
/// </summary>
public sealed class YamlAliasTests
{
    [Fact]
    public void An_alias_repeating_a_block_is_read_as_the_block()
    {
        var text = TinyStudy.With("    wue: 0.25 L/kWh", "    wue:\n      value: 0.25 L/kWh\n      uncertainty: &spread {distribution: lognormal, gsd: 1.2}",
            TinyStudy.With("    pue: 1.5", "    pue:\n      value: 1.5\n      uncertainty: *spread"));
        Assert.Equal(TinyStudy.Total(TinyStudy.Assess(), "gwp100"), TinyStudy.Total(TinyStudy.Assess(text), "gwp100"), 12);
    }

    [Fact]
    public void A_key_holding_an_alias_to_itself_is_a_complex_key_not_a_stack_overflow()
    {
        var error = Assert.Single(TinyStudy.Errors("cradle: 1\n? &a [*a]\n: 1\n"));
        Assert.Equal("complex-key", error.Code);
        Assert.Equal((2, 7), (error.Location!.Line, error.Location.Column));
        Assert.Contains("a key holds the alias '*a'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_key_that_is_an_alias_is_refused_before_its_hash_is_computed()
    {
        // 60 levels of doubling: hashing *a59 as a key would take 2^60 steps.
        var lines = new List<string> { "cradle: 1", "a0: &a0 [x, x]" };
        lines.AddRange(Enumerable.Range(1, 59).Select(i => $"a{i}: &a{i} [*a{i - 1}, *a{i - 1}]"));
        lines.AddRange(["? *a59", ": 1"]);
        var error = Assert.Single(TinyStudy.Errors(string.Join('\n', lines)));
        Assert.Equal("alias-expansion", error.Code);
    }

    [Fact]
    public void Aliases_that_fan_out_to_millions_of_values_are_refused_at_the_alias()
    {
        var block = "x: &m {" + string.Join(", ", Enumerable.Range(0, 2000).Select(i => $"k{i}: 1")) + "}";
        var text = "cradle: 1\nname: n\n" + block + "\ndevices:\n" + string.Join('\n', Enumerable.Range(0, 20_000).Select(i => $"  d{i}: *m"));
        var error = Assert.Single(TinyStudy.Errors(text));
        Assert.Equal("alias-expansion", error.Code);
        // The block holds 4,001 values (the mapping, 2,000 keys, 2,000 values): about the 250th alias passes 1,000,000,
        // long before the 20,000th.
        Assert.InRange(error.Location!.Line, 4 + 245, 4 + 255);
    }

    [Fact]
    public void Thousands_of_errors_are_listed_up_to_a_thousand_and_counted_after()
    {
        var text = "cradle: 1\nname: n\ndevices:\n" + string.Join('\n', Enumerable.Range(0, 3000).Select(i => $"  d{i}: {{x: 1}}"));
        var errors = TinyStudy.Errors(text);
        Assert.Equal(ProblemList.MaxProblems + 1, errors.Count);
        var last = Assert.Single(errors, e => e.Code == "too-many-problems");
        Assert.Matches(@"^[\d,]+ more errors \(the first of them here\) are not listed", last.Message);
    }
}
