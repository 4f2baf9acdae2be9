using Cradle.Studies.Tests.Support;

namespace Cradle.Studies.Tests.Compilation;

/// <summary>Alternatives override parameters and share the functional unit.</summary>
public sealed class AlternativeTests
{
    private const string WithParameter = "cradle: 1\nparameters:\n  serving: 0.002 kWh/request\n";

    [Fact]
    public void Each_alternative_is_assessed_with_its_overrides()
    {
        var text = TinyStudy.With("cradle: 1\n", WithParameter).Replace("energy_per_request: 0.002 kWh/request", "energy_per_request: serving", StringComparison.Ordinal)
            + "\nalternatives:\n  base:\n    description: as measured\n  doubled:\n    parameters:\n      serving: 0.004 kWh/request\n";
        var assessment = TinyStudy.Assess(text);
        Assert.Equal(["base", "doubled"], assessment.Alternatives.Select(a => a.Alternative));
        var difference = assessment.Alternatives[1].Totals[0] - assessment.Alternatives[0].Totals[0];
        Assert.Equal(0.002 * 1.5 * 0.5, difference, 12);
    }

    [Fact]
    public void Overriding_an_unknown_parameter_is_an_error_with_a_suggestion()
    {
        var text = TinyStudy.With("cradle: 1\n", WithParameter)
            + "\nalternatives:\n  doubled:\n    parameters:\n      servin: 0.004 kWh/request\n";
        var error = TinyStudy.Error(text, "unknown-parameter");
        Assert.Contains("did you mean 'serving'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_out_of_range_override_is_reported_for_its_alternative()
    {
        var text = TinyStudy.With("cradle: 1\n", "cradle: 1\nparameters:\n  life: 2 year\n").Replace("lifespan: 2 year", "lifespan: life", StringComparison.Ordinal)
            + "\nalternatives:\n  broken:\n    parameters:\n      life: -1 year\n";
        var error = TinyStudy.Error(text, "out-of-range");
        Assert.Contains("alternative 'broken'", error.Message, StringComparison.Ordinal);
    }
}
