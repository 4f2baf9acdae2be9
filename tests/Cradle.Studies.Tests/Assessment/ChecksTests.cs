using Cradle.Studies.Assessment;
using Cradle.Studies.Tests.Support;

namespace Cradle.Studies.Tests.Assessment;

/// <summary>The checks every assessment reports: how much rests on measured data, and where alternatives' data differ.</summary>
public sealed class ChecksTests
{
    // TinyStudy per request (EquationOneTests): serving 0.0015, serving hardware 3.17098e-6, training energy 750e-6,
    // training hardware 2,000 × 100 ÷ 8,760 ÷ 10⁶ = 22.831050e-6 kg CO2e; total 0.0022760020.
    private const double Serving = 0.0015, ServingHardware = 1.0 / 3600 * 100 / 8760, TrainingEnergy = 750e-6, TrainingHardware = 2000 * 100.0 / 8760 / 1e6;
    private const double Total = Serving + ServingHardware + TrainingEnergy + TrainingHardware;

    [Fact]
    public void Shares_follow_the_provenance_of_the_activity_data_that_drives_each_contribution()
    {
        var text = TinyStudy.With("    energy: 1000 kWh", "    energy:\n      value: 1000 kWh\n      provenance: measured");
        var shares = TinyStudy.Assess(text).Alternatives[0].DataProvenance[0];
        Assert.Equal(TrainingEnergy / Total, shares.Measured, 12);                      // 0.32953
        Assert.Equal((Serving + ServingHardware + TrainingHardware) / Total, shares.Declared, 12);
        Assert.Equal(0, shares.Modelled, 12);
    }

    [Fact]
    public void Modelled_device_time_makes_the_hardware_share_modelled()
    {
        var text = TinyStudy.With("    device_time: 2000 h", "    device_time:\n      flops: 7.2e21 FLOP\n      peak_compute: 1 PFLOP/s\n      mfu: 1");
        // 7.2e21 ÷ 1e15 = 7.2e6 s = 2,000 h: the same result, now modelled.
        var shares = TinyStudy.Assess(text).Alternatives[0].DataProvenance[0];
        Assert.Equal(TrainingHardware / Total, shares.Modelled, 12);
        Assert.Equal(1, shares.Measured + shares.Declared + shares.Modelled, 12);
    }

    [Fact]
    public void Alternatives_citing_different_sources_for_one_quantity_are_listed()
    {
        var text = TinyStudy.With("cradle: 1\n", "cradle: 1\nparameters:\n  serving:\n    value: 0.002 kWh/request\n    source: lab meter\n")
            .Replace("energy_per_request: 0.002 kWh/request", "energy_per_request: serving", StringComparison.Ordinal)
            + "\nalternatives:\n  ours:\n    description: our meter\n  vendor:\n    parameters:\n      serving:\n        value: 0.0025 kWh/request\n        source: vendor sheet\n";
        var note = Assert.Single(TinyStudy.Assess(text).Consistency);
        Assert.Equal("serving", note.Parameter);
        Assert.True(note.ChangedByAlternative);
        Assert.Equal(["lab meter", "vendor sheet"], note.Sources.Select(s => s.Source));
    }

    [Fact]
    public void Two_studies_taking_a_shared_quantity_from_different_sources_are_flagged_as_a_data_difference()
    {
        var a = StudyAssessor.Compile(TinyStudy.With("      gwp100: 0.5 kg CO2e/kWh", "      gwp100: {value: 0.5 kg CO2e/kWh, source: utility 2023}"), "a.yaml", [], null).Alternatives[0];
        var b = StudyAssessor.Compile(TinyStudy.With("      gwp100: 0.5 kg CO2e/kWh", "      gwp100: {value: 0.5 kg CO2e/kWh, source: national average 2021}"), "b.yaml", [], null).Alternatives[0];
        var note = Assert.Single(ComparisonAnalysis.Compare([("a", a), ("b", b)], new MonteCarloOptions(10, 1, 1)).Consistency);
        Assert.Equal("grids.g.per_kwh.gwp100", note.Parameter);
        Assert.False(note.ChangedByAlternative);
    }
}
