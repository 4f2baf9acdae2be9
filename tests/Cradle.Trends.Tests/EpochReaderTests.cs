using Cradle.Trends.Epoch;

namespace Cradle.Trends.Tests;

public sealed class EpochReaderTests
{
    private const string Header =
        "Model,Organization,Country (from Organization),Publication date,Training hardware,Hardware quantity,Training time (hours)," +
        "Training power draw (W),Hardware utilization,Training compute (FLOP),Frontier model";

    private static IReadOnlyList<EpochRow> Read(string text) => EpochReader.Read(new StringReader(text));

    [Fact]
    public void The_whole_snapshot_reads_row_for_row()
    {
        // 884 models (README; checked with Python's csv module, which agrees).
        Assert.Equal(884, EpochData.Rows.Count);
        Assert.All(EpochData.Rows, r => Assert.False(string.IsNullOrWhiteSpace(r.Model)));
    }

    [Fact]
    public void Integers_written_as_floats_empty_cells_and_several_devices_are_read_as_written()
    {
        var llama = EpochData.Rows.Single(r => r.Model == "Llama 2-70B");
        Assert.Equal(1000, llama.HardwareQuantity); // written "1000.0"
        Assert.Equal(1728, llama.TrainingTimeHours); // "1728.0"
        Assert.Equal(884796.5963891526, llama.TrainingPowerDrawWatts);
        Assert.Equal(new DateOnly(2023, 7, 18), llama.PublicationDate);
        var pangu = EpochData.Rows.Single(r => r.Model == "Pangu-Weather");
        Assert.Null(pangu.TrainingPowerDrawWatts); // empty cell
        var alphaZero = EpochData.Rows.Single(r => r.Model == "AlphaZero");
        Assert.Equal("Google TPU v2,Google TPU v1", alphaZero.TrainingHardware);
        Assert.Contains(EpochData.Rows, r => r.Countries is { } c && c.StartsWith("Multinational,", StringComparison.Ordinal));
    }

    [Fact]
    public void Line_numbers_count_the_lines_of_multi_line_quoted_cells()
    {
        var text = $"{Header}\nA,Org,,2020-01-01,,,,,,,False\n\"B\nsecond line\nthird\",Org,,2021-01-01,,,,,,,True\nC,Org,,2022-01-01,,128.0,,,,,\n";
        var rows = Read(text);
        Assert.Equal([2, 3, 6], rows.Select(r => r.Line));
        Assert.Equal("B\nsecond line\nthird", rows[1].Model);
        Assert.True(rows[1].FrontierModel);
        Assert.Equal(128, rows[2].HardwareQuantity);
    }

    [Fact]
    public void The_snapshot_line_numbers_match_the_file()
    {
        // Each row's line must hold the start of its model's name (the first cell), whatever multi-line cells came before.
        var lines = File.ReadAllLines(EpochData.CsvPath);
        Assert.All(EpochData.Rows.Where((_, i) => i % 37 == 0), r =>
            Assert.StartsWith(r.Model.Split('\n')[0].Replace("\"", "\"\"", StringComparison.Ordinal), lines[r.Line - 1].TrimStart('"'), StringComparison.Ordinal));
    }

    [Fact]
    public void A_missing_column_is_named()
    {
        var e = Assert.Throws<EpochFormatException>(() => Read("Model,Organization\nA,B\n"));
        Assert.Equal(1, e.Line);
        Assert.Equal("Country (from Organization)", e.Field);
        Assert.Contains("missing column", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_malformed_number_gives_line_and_column()
    {
        var e = Assert.Throws<EpochFormatException>(() => Read($"{Header}\nA,Org,,2020-01-01,,,,,,,\nB,Org,,2020-01-01,GPU,12x,,,,,\n"));
        Assert.Equal(3, e.Line);
        Assert.Equal("Hardware quantity", e.Field);
        Assert.Contains("'12x' is not a number", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_malformed_date_gives_line_and_column()
    {
        var e = Assert.Throws<EpochFormatException>(() => Read($"{Header}\nA,Org,,18/07/2023,,,,,,,\n"));
        Assert.Equal(2, e.Line);
        Assert.Equal("Publication date", e.Field);
    }

    [Fact]
    public void An_unclosed_quote_is_an_error_with_a_line()
    {
        var e = Assert.Throws<EpochFormatException>(() => Read($"{Header}\nA,Org,,2020-01-01,,,,,,,\nB,\"Org,,2020-01-01,,,,,,,\n"));
        Assert.NotNull(e.Line);
        Assert.Contains("quote", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_file_is_an_error()
    {
        var e = Assert.Throws<EpochFormatException>(() => Read(""));
        Assert.Contains("empty", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_quote_inside_an_unquoted_cell_is_an_error_on_its_line()
    {
        var e = Assert.Throws<EpochFormatException>(() => Read($"{Header}\nA,Org,,2020-01-01,,,,,,,\nB,Or\"g,,2020-01-01,,,,,,,\n"));
        Assert.Equal(3, e.Line);
        Assert.Contains("quote", e.Message, StringComparison.Ordinal);
    }
}
