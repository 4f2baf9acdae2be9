using Cradle.Studies.Tests.Support;

namespace Cradle.Studies.Tests.Compilation;

/// <summary>Every input in the results says how it was obtained.</summary>
public sealed class ProvenanceTests
{
    [Fact]
    public void Stated_provenance_and_source_travel_to_the_results()
    {
        var text = TinyStudy.With("    energy: 1000 kWh", "    energy:\n      value: 1000 kWh\n      provenance: measured\n      source: run 42 (NVML)");
        var input = TinyStudy.Assess(text).Alternatives[0].Inputs.Single(i => i.Name == "stages.pre_training.energy");
        Assert.Equal(("measured", "run 42 (NVML)"), (input.Origin, input.Source));
        Assert.Equal(TinyStudy.Find(text, "1000 kWh").Line, input.Location!.Line);
    }

    [Fact]
    public void Computed_values_take_the_weakest_provenance_of_their_inputs()
    {
        var text = TinyStudy.With("cradle: 1\n", "cradle: 1\nparameters:\n  metered:\n    value: 2.4 kWh\n    provenance: measured\n  prompts: 1200 request\n  guess:\n    value: 0.9\n    provenance: modelled\n")
            .Replace("energy_per_request: 0.002 kWh/request", "energy_per_request: metered / prompts", StringComparison.Ordinal)
            .Replace("    energy: 1000 kWh", "    energy: guess * 1000 kWh_placeholder", StringComparison.Ordinal)
            .Replace("guess * 1000 kWh_placeholder", "guess * metered * 400", StringComparison.Ordinal);
        var inputs = TinyStudy.Assess(text).Alternatives[0].Inputs.ToDictionary(i => i.Name);
        Assert.Equal("measured", inputs["inference.energy_per_request"].Origin); // measured ÷ declared count
        Assert.Equal("modelled", inputs["stages.pre_training.energy"].Origin);   // passes through a modelled guess
        Assert.Equal("declared", inputs["prompts"].Origin);
    }

    [Fact]
    public void A_plain_reference_inherits_the_referenced_source()
    {
        var text = TinyStudy.With("cradle: 1\n", "cradle: 1\nparameters:\n  e:\n    value: 1000 kWh\n    source: Table 2\n")
            .Replace("    energy: 1000 kWh", "    energy: e", StringComparison.Ordinal);
        var input = TinyStudy.Assess(text).Alternatives[0].Inputs.Single(i => i.Name == "stages.pre_training.energy");
        Assert.Equal(("declared", "Table 2"), (input.Origin, input.Source));
    }

    [Fact]
    public void Indicators_without_data_are_warned_about_not_counted_as_zero_silently()
    {
        var text = TinyStudy.With("      water: 2 L/kWh\n", "");
        var warnings = TinyStudy.Assess(text).Alternatives[0].Warnings;
        Assert.Contains(warnings, w => w.Code == "missing-indicator-data" && w.Message.Contains("water", StringComparison.Ordinal));
    }
}
