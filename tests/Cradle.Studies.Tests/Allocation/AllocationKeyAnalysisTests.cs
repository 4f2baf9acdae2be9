using Cradle.Catalog;
using Cradle.Studies.Assessment;
using Cradle.Studies.Reading;
using Cradle.Studies.Tests.Support;

namespace Cradle.Studies.Tests.Allocation;

/// <summary>sensitivity --allocation-keys: the study recompiled under each key, with the change from its own keys.</summary>
public sealed class AllocationKeyAnalysisTests
{
    private static IReadOnlyList<AllocationKeyResult> Run(string text, string file = AllocationStudy.File) =>
        AllocationKeyAnalysis.Run(StudyReader.Read(text, file).Study, CatalogLoader.Shipped);

    [Fact]
    public void Every_key_is_recompiled_and_compared_with_the_study_s_own()
    {
        // Stated calendar 13.21347 kg; busy 26.42694 kg (+100 %); energy 23.12357 kg (+75 %: the energy key spreads the
        // device over 35,040 × 400 ÷ 700 = 20,022.857 h, and 35,040 ÷ 20,022.857 = 700 ÷ 400 = 1.75).
        var result = Assert.Single(Run(AllocationStudy.WithKey("calendar")));
        Assert.Equal(["stated", "calendar", "busy", "energy"], result.Cases.Select(c => c.Key));
        Assert.Equal("pre-training: calendar", result.Stated.Description);
        var calendar = 463.0 * 1000 / 35_040;
        Assert.Equal(calendar, result.Stated.Totals[0], 9);
        Assert.Equal(calendar, result.Stated.Embodied[0], 9);
        Assert.Equal(0, result.RelativeChange(result.Cases[1], 0), 12);
        Assert.Equal(1.0, result.RelativeChange(result.Cases[2], 0), 12);
        Assert.Equal(0.75, result.RelativeChange(result.Cases[3], 0), 12);
        Assert.Equal("pre-training: energy", result.Cases[3].Description);
    }

    [Fact]
    public void A_key_that_lacks_an_input_is_not_applicable_with_the_reason()
    {
        // TinyStudy gives no idle power: the energy key cannot apply. It gives latency and batch size here: batch is tried.
        var text = TinyStudy.With("  device_time_per_request: 1 s/request", "  device_time_per_request: 1 s/request\n  latency: 2 s/request\n  batch_size: 8");
        var result = Assert.Single(Run(text, TinyStudy.File));
        Assert.Equal(["stated", "calendar", "busy", "energy", "batch"], result.Cases.Select(c => c.Key));
        var energy = result.Cases.Single(c => c.Key == "energy");
        Assert.Contains("hardware.fleet.idle_power", energy.NotApplicable, StringComparison.Ordinal);
        Assert.True(double.IsNaN(result.RelativeChange(energy, 0)));
        // Batch replaces only the serving's embodied share, (1/3,600 h × 100 ÷ 8,760 h) = 3.17098e-6 kg, with
        // 0.25 s = 1/14,400 h × 100 ÷ 17,520 h = 3.96372e-7 kg per request.
        var stated = result.Stated.Totals[0];
        var batch = result.Cases.Single(c => c.Key == "batch");
        Assert.Equal(stated - (100.0 / 3600 / 8760) + (100.0 / 14_400 / 17_520), batch.Totals[0], 12);
        Assert.Equal("pre-training: busy; inference: batch", batch.Description);
    }

    [Fact]
    public void Nothing_to_allocate_without_manufacture_in_the_boundary()
    {
        var text = AllocationStudy.Text.Replace("included: [pre-training, hardware-manufacture]", "included: [pre-training]\n  excluded:\n    hardware-manufacture: not assessed", StringComparison.Ordinal);
        Assert.Empty(Run(text));
    }
}
