using System.Net;
using System.Text.Json;

namespace Cradle.Server.Tests;

/// <summary>
/// The trends view over Epoch AI's notable-models table as bundled in tests/data (the snapshot the trends tests use):
/// 884 rows, of which 119 can be assessed and 765 are skipped (621 without hardware, 104 without a quantity, 32
/// without a training time, 8 with several devices), the counts `cradle trends` prints for the same file.
/// </summary>
public sealed class TrendsViewTests
{
    private static readonly string Dataset = RepositoryFiles.Path("tests", "data", "epoch-notable-ai-models", "notable_ai_models.csv");

    [Fact]
    public async Task The_api_page_and_report_show_the_study_of_the_named_dataset()
    {
        await using var server = await ServerHost.StartAsync(o => o with { TrendsDataset = Dataset });
        using (var answer = await server.Client.GetAsync(new Uri("/api/trends", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
            using var json = JsonDocument.Parse(await answer.Content.ReadAsStringAsync());
            var root = json.RootElement;
            Assert.Equal("cradle.trends/1", root.GetProperty("schema").GetString());
            Assert.Equal(884, root.GetProperty("dataset").GetProperty("rows").GetInt32());
            Assert.Equal(119, root.GetProperty("selection").GetProperty("assessed").GetInt32());
            Assert.Equal(765, root.GetProperty("selection").GetProperty("skipped").GetInt32());
        }
        var page = await server.Client.GetStringAsync(new Uri("/trends", UriKind.Relative));
        Assert.Contains("notable_ai_models.csv: 884 rows, 119 assessed, 765 skipped (by first reason: no-hardware 621, no-quantity 104, no-training-time 32, several-devices 8)", page, StringComparison.Ordinal);
        // Baseline and the three default scenarios, four indicators each.
        Assert.Equal(16, CountOf(page, "<tr><td>") - CountOf(page, "<tr><td>no fit"));
        Assert.Contains("src=\"/trends/report.html\"", page, StringComparison.Ordinal);
        var report = await server.Client.GetStringAsync(new Uri("/trends/report.html", UriKind.Relative));
        Assert.Contains("<svg", report, StringComparison.Ordinal);
        Assert.Contains("SHA-256", report, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_dataset_the_page_says_how_and_the_api_answers_404()
    {
        await using var server = await ServerHost.StartAsync();
        var page = await server.Client.GetStringAsync(new Uri("/trends", UriKind.Relative));
        Assert.Contains("cradle serve --trends notable_ai_models.csv", page, StringComparison.Ordinal);
        using var answer = await server.Client.GetAsync(new Uri("/api/trends", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, answer.StatusCode);
        using var json = JsonDocument.Parse(await answer.Content.ReadAsStringAsync());
        Assert.Equal("no-trends-dataset", json.RootElement.GetProperty("error").GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_file_that_is_not_epochs_table_is_reported_not_thrown()
    {
        await using var server = await ServerHost.StartAsync(o => o with { TrendsDataset = RepositoryFiles.Path("README.md") });
        using var answer = await server.Client.GetAsync(new Uri("/api/trends", UriKind.Relative));
        Assert.Equal(HttpStatusCode.InternalServerError, answer.StatusCode);
        using var json = JsonDocument.Parse(await answer.Content.ReadAsStringAsync());
        Assert.Equal("trends-failed", json.RootElement.GetProperty("error").GetProperty("code").GetString());
        Assert.StartsWith("README.md: ", json.RootElement.GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
        var page = await server.Client.GetStringAsync(new Uri("/trends", UriKind.Relative));
        Assert.Contains("class=\"problem\"", page, StringComparison.Ordinal);
    }

    private static int CountOf(string text, string part)
    {
        var count = 0;
        for (var at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + 1, StringComparison.Ordinal))
        {
            count++;
        }
        return count;
    }
}
