using System.Text;
using Cradle.Catalog;
using Cradle.Import.CodeCarbon;

namespace Cradle.Import.Tests.CodeCarbon;

/// <summary>Malformed copies of a real file, written by the test: each gives file, line, column and what was expected, and no run at all.</summary>
public sealed class MalformedFileTests
{
    private const string Source = "v3.0.5_FedHENet.csv";

    private static string[] Lines() => File.ReadAllText(TestData.CodeCarbon(Source)).Split('\n', StringSplitOptions.RemoveEmptyEntries);

    private static CodeCarbonImport Read(string text, string name = "broken.csv") => Read(Encoding.UTF8.GetBytes(text), name);

    private static CodeCarbonImport Read(byte[] bytes, string name = "broken.csv")
    {
        // The good file comes along: a problem in one file of a call imports nothing of either.
        var good = TestData.Input(TestData.CodeCarbon("v3.2.7_ThothBot.csv"));
        return CodeCarbonImporter.Read([good, new CodeCarbonInput(name, bytes, "/tmp")], new CodeCarbonImportOptions(), CatalogLoader.Shipped);
    }

    [Fact]
    public void A_truncated_row_names_its_line()
    {
        var lines = Lines();
        lines[4] = lines[4][..(lines[4].Length / 2)];
        var import = Read(string.Join("\n", lines));
        var problem = Assert.Single(import.Problems);
        Assert.Equal(("field-count", "broken.csv", 5), (problem.Code, problem.File, problem.Line));
        Assert.Contains("the header has 32", problem.Message, StringComparison.Ordinal);
        Assert.Empty(import.Runs);
    }

    [Fact]
    public void A_renamed_column_is_missing_with_the_closest_name()
    {
        var lines = Lines();
        lines[0] = lines[0].Replace("cpu_energy", "cpu_energy_kwh", StringComparison.Ordinal);
        var import = Read(string.Join("\n", lines));
        var problem = Assert.Single(import.Problems);
        Assert.Equal(("missing-column", 1, "cpu_energy"), (problem.Code, problem.Line, problem.Column));
        Assert.Equal(["cpu_energy_kwh"], problem.Suggestions);
        Assert.Contains("broken.csv:1: column 'cpu_energy':", problem.ToString(), StringComparison.Ordinal);
        Assert.Empty(import.Runs);
    }

    [Fact]
    public void A_missing_column_is_named()
    {
        var lines = Lines().Select(l => string.Join(",", l.Split(',').Where((_, i) => i != 4))).ToArray();
        var problem = Assert.Single(Read(string.Join("\n", lines)).Problems);
        Assert.Equal(("missing-column", "duration"), (problem.Code, problem.Column));
    }

    [Fact]
    public void Text_in_a_number_names_line_column_and_unit()
    {
        var lines = Lines();
        var cells = lines[3].Split(',');
        cells[12] = "lots"; // ram_energy
        lines[3] = string.Join(",", cells);
        var import = Read(string.Join("\n", lines));
        var problem = Assert.Single(import.Problems);
        Assert.Equal(("bad-number", 4, "ram_energy"), (problem.Code, problem.Line, problem.Column));
        Assert.Contains("'lots' is not a number; expected a decimal number in kWh", problem.Message, StringComparison.Ordinal);
        Assert.Empty(import.Runs);
    }

    [Fact]
    public void An_empty_file_a_header_only_file_and_a_binary_file_are_refused()
    {
        Assert.Equal("empty-file", Assert.Single(Read("").Problems).Code);
        Assert.Equal("no-rows", Assert.Single(Read(Lines()[0] + "\n").Problems).Code);
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D];
        Assert.Equal("not-text", Assert.Single(Read(png, "plot.png").Problems).Code);
    }

    [Fact]
    public void A_file_that_is_not_codecarbon_csv_is_refused()
    {
        var import = Read("{\"runs\": [1, 2, 3]}\n", "runs.json");
        // The quotes are bad CSV too; the header check says what was expected.
        var problem = Assert.Single(import.Problems, p => p.Code == "not-codecarbon");
        Assert.Equal(("runs.json", 1), (problem.File, problem.Line));
        Assert.Contains("Expected a CodeCarbon emissions.csv", problem.Message, StringComparison.Ordinal);
        Assert.Empty(import.Runs);
    }

    [Fact]
    public void The_same_file_twice_in_one_call_is_refused()
    {
        var input = TestData.Input(TestData.CodeCarbon("v3.2.7_ThothBot.csv"));
        var import = CodeCarbonImporter.Read([input, input with { Name = "copy.csv" }], new CodeCarbonImportOptions(), CatalogLoader.Shipped);
        var problem = Assert.Single(import.Problems);
        Assert.Equal(("duplicate-file", "copy.csv"), (problem.Code, problem.File));
        Assert.Empty(import.Runs);
    }
}
