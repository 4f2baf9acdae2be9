using System.Text.Json;
using System.Text.Json.Serialization;
using Cradle.Trends.Trends;

namespace Cradle.Trends.Tests;

public sealed class SerialisationTests
{
    private static readonly JsonSerializerOptions Options = new() { Converters = { new JsonStringEnumConverter() } };

    [Fact]
    public void Results_and_trends_are_plain_records_a_json_writer_takes_as_they_are()
    {
        // Every number finite (System.Text.Json refuses NaN and infinities), every type serialisable without custom code.
        var json = JsonSerializer.Serialize(new { EpochData.Baseline, Trends = TrendAnalysis.Analyse(EpochData.Baseline), EpochData.Selection.Skipped }, Options);
        using var document = JsonDocument.Parse(json);
        var first = document.RootElement.GetProperty("Baseline").GetProperty("Models")[0];
        Assert.Equal("CHAI-1", first.GetProperty("Model").GetString());
        Assert.Equal("Gwp", first.GetProperty("Indicators")[1].GetProperty("Indicator").GetString());
        Assert.True(document.RootElement.GetProperty("Trends").GetProperty("Trends")[0].GetProperty("Fit").GetProperty("GrowthPerYear").GetDouble() > 1);
    }
}
