using Cradle.Studies.Tests.Support;

namespace Cradle.Studies.Tests.Reading;

/// <summary>
/// Names and numbers echoed in study errors: control characters escaped (Syntax's Printable), numbers in Core's one
/// invariant form (InvariantNumber); the forms themselves are tested beside those types.
/// </summary>
public sealed class MessageTextTests
{
    [Fact]
    public void A_key_with_control_characters_is_echoed_escaped_in_every_error()
    {
        var text = TinyStudy.Text + "\nparameters:\n  \"bad\\x1bname\\t\": 1\n\"weird\\x1bkey\\0\": 1\n";
        var errors = TinyStudy.Errors(text);
        Assert.Equal(2, errors.Count);
        Assert.All(errors, e => Assert.DoesNotContain(e.ToString(), char.IsControl));
        Assert.Contains(errors, e => e.Code == "invalid-name" && e.Field == "parameters.bad\\u001bname\\t");
        Assert.Contains(errors, e => e.Code == "unknown-key" && e.Message.Contains("'weird\\u001bkey\\u0000'", StringComparison.Ordinal));
    }

    [Fact]
    public void Range_errors_write_numbers_without_dotnet_exponents()
    {
        var error = TinyStudy.Error(TinyStudy.With("utilisation: 0.5", "utilisation: 2e20"), "out-of-range");
        Assert.Contains("= 2e20 is above 1", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("E+", error.Message, StringComparison.Ordinal);
    }
}
