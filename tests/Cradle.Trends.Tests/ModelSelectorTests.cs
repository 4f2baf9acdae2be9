using Cradle.Catalog;
using Cradle.Trends.Epoch;
using Cradle.Trends.Selection;
using Xunit.Abstractions;

namespace Cradle.Trends.Tests;

public sealed class ModelSelectorTests(ITestOutputHelper output)
{
    private static EpochRow Row(string hardware, string? countries = "United States of America", double? quantity = 8, double? hours = 10, DateOnly? date = null) =>
        new(2, "M", "Org", countries, date ?? new DateOnly(2022, 1, 1), hardware, quantity, hours, null, null, null, false);

    private static ModelSelection Select(params EpochRow[] rows) => new ModelSelector(CatalogLoader.Shipped).Select(rows);

    [Fact]
    public void Every_row_of_the_snapshot_is_assessable_or_skipped_with_a_reason()
    {
        var selection = EpochData.Selection;
        output.WriteLine($"assessable {selection.Assessable.Count}, skipped {selection.Skipped.Count}");
        foreach (var (code, count) in selection.SkippedByFirstReason.OrderByDescending(p => p.Value))
        {
            output.WriteLine($"  {code}: {count}");
        }
        Assert.Equal(884, selection.Total);
        Assert.All(selection.Skipped, s => Assert.NotEmpty(s.Reasons));
        Assert.Equal(selection.Skipped.Count, selection.SkippedByFirstReason.Values.Sum());
        // Lines are unique, so "every row in exactly one list" is a set equality.
        var lines = selection.Assessable.Select(a => a.Row.Line).Concat(selection.Skipped.Select(s => s.Row.Line)).ToList();
        Assert.Equal(EpochData.Rows.Select(r => r.Line).Order(), lines.Order());
        // The dossier (GPU-PRODUCTION.md B4) counts 120 rows with hardware, quantity and time; AlphaZero names two
        // devices, so 119 remain, and every one of their devices is in the catalog.
        Assert.Equal(119, selection.Assessable.Count);
        Assert.Equal(884 - 263, selection.SkippedByFirstReason[SkipCodes.NoHardware]);
    }

    [Fact]
    public void Several_devices_in_one_cell_are_skipped_not_split()
    {
        var alphaZero = EpochData.Selection.Skipped.Single(s => s.Row.Model == "AlphaZero");
        Assert.Equal(SkipCodes.SeveralDevices, alphaZero.Reasons[0].Code);
        Assert.Contains("Google TPU v2; Google TPU v1", alphaZero.Reasons[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_device_lists_the_closest_catalog_names()
    {
        var skipped = Assert.Single(Select(Row("NVIDIA H100 SXM6 80GB")).Skipped);
        var reason = Assert.Single(skipped.Reasons);
        Assert.Equal(SkipCodes.UnknownDevice, reason.Code);
        Assert.Contains("nvidia-h100-sxm5-80gb", reason.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void All_missing_facts_are_listed()
    {
        var skipped = Assert.Single(Select(Row("NVIDIA A100", quantity: null, hours: 0)).Skipped);
        Assert.Equal([SkipCodes.NoQuantity, SkipCodes.NoTrainingTime], skipped.Reasons.Select(r => r.Code));
    }

    [Fact]
    public void A_row_without_a_date_is_skipped()
    {
        var row = Row("NVIDIA A100") with { PublicationDate = null };
        Assert.Equal(SkipCodes.NoDate, Assert.Single(Assert.Single(Select(row).Skipped).Reasons).Code);
    }

    [Fact]
    public void Multinational_is_passed_over_for_the_first_named_country()
    {
        var model = Assert.Single(Select(Row("NVIDIA A100", "Multinational,United Kingdom of Great Britain and Northern Ireland,United States of America")).Assessable);
        Assert.Equal("gb", model.Location.GridId);
        Assert.False(model.Location.IsFallback);
        Assert.Contains("proxy", model.Location.Label, StringComparison.Ordinal);
        Assert.Contains("first of 2 countries", model.Location.Label, StringComparison.Ordinal);
    }

    [Fact]
    public void Only_multinational_falls_back_to_the_world_average_and_says_so()
    {
        var model = Assert.Single(Select(Row("NVIDIA A100", "Multinational")).Assessable);
        Assert.Equal("world", model.Location.GridId);
        Assert.True(model.Location.IsFallback);
        Assert.Equal("world average (fallback): only 'Multinational' given", model.Location.Label);
    }

    [Fact]
    public void A_generic_device_name_is_noted_with_the_variant_it_is_read_as()
    {
        var model = Assert.Single(Select(Row("NVIDIA V100")).Assessable);
        Assert.Equal("nvidia-v100-sxm2-32gb", model.Device.Id);
        Assert.Equal("'NVIDIA V100' read as NVIDIA V100 SXM2 32GB", model.DeviceNote);
    }

    [Fact]
    public void Fractional_years_count_days()
    {
        // 2023-07-18 is day 199 of a 365-day year: 2023 + 198/365.
        Assert.Equal(2023 + (198 / 365.0), AssessableModel.FractionalYear(new DateOnly(2023, 7, 18)), 12);
        Assert.Equal(2024.0, AssessableModel.FractionalYear(new DateOnly(2024, 1, 1)));
    }
}
