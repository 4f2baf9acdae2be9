using System.Text.Json.Nodes;

namespace Cradle.Acceptance.Tests;

/// <summary>
/// A hand-edited results file with a huge value is refused in one short line (found by the long fuzz run: the
/// message quoted a schema or a category id of 10,000 characters whole).
/// </summary>
public sealed class ReportLongValueTests
{
    [Theory]
    [InlineData("schema")]
    [InlineData("category")]
    public async Task A_huge_value_is_cut_in_the_message(string where)
    {
        using var temp = new TempDirectory();
        var json = temp.File("r.json");
        Assert.Equal(0, (await CliRunner.InProcessAsync("assess", Repository.Example, "--format", "json", "-o", json)).ExitCode);
        var results = JsonNode.Parse(await File.ReadAllTextAsync(json))!;
        if (where == "schema")
        {
            results["schema"] = new string('w', 10_000);
        }
        else
        {
            results["alternatives"]![0]!["categories"]![0]!["id"] = new string('w', 10_000);
        }
        await File.WriteAllTextAsync(json, results.ToJsonString());

        var run = await CliRunner.InProcessAsync("report", json, "--format", "md");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("…(10,", run.Error, StringComparison.Ordinal);
        Assert.All(run.Error.Split('\n'), line => Assert.True(line.Length < 1_000, line));
    }
}
