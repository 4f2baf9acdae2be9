using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace Cradle.Publish.Tests;

/// <summary>
/// `cradle serve` from the NativeAOT binary answers what the framework-dependent build answers: the server frame, the
/// OpenAPI description, a study upload and its stored assessment (byte for byte), the pages and /metrics — the
/// endpoints are plain request delegates writing JSON by hand, so nothing needs reflection, and this proves it.
/// </summary>
[Collection(PublishedBuild.Name)]
public sealed partial class PublishedServerTests(PublishedCliFixture published)
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task The_native_server_answers_as_the_framework_dependent_one()
    {
        published.AssertPublished();
        var answers = new List<List<string>>();
        foreach (var (name, program, prefix) in new[]
        {
            ("framework-dependent", ChildProcess.Dotnet, new[] { Repository.FrameworkDependentDll }),
            ("nativeaot", published.Executable, Array.Empty<string>()),
        })
        {
            answers.Add(await ServeAsync(name, program, prefix));
        }

        Assert.Equal(answers[0].Count, answers[1].Count);
        for (var i = 0; i < answers[0].Count; i++)
        {
            Assert.Equal(answers[0][i], answers[1][i]);
        }
    }

    // Starts the build's server on a free loopback port over a new store, asks it the same questions, stops it with
    // SIGTERM (exit 0), and returns the answers with what differs by design (ids, times, the store's path) masked.
    private async Task<List<string>> ServeAsync(string name, string program, string[] prefix)
    {
        var store = Path.Combine(published.Scratch, name + "-serve.db");
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = Repository.Root };
        foreach (var arg in prefix.Concat(["serve", "--store", store, "--urls", "http://127.0.0.1:0"]))
        {
            start.ArgumentList.Add(arg);
        }
        using var server = Process.Start(start)!;
        var stderr = server.StandardError.ReadToEndAsync();
        using var patience = new CancellationTokenSource(Limit);
        var answers = new List<string>();
        try
        {
            var line = await server.StandardOutput.ReadLineAsync(patience.Token) ?? "";
            var address = Address().Match(line);
            Assert.True(address.Success, $"{name}: no address in '{line}'; {(server.HasExited ? await stderr : "")}");
            using var client = new HttpClient { BaseAddress = new Uri(address.Value), Timeout = Limit };

            answers.Add(await GetAsync(client, "/api", patience.Token));
            answers.Add(await GetAsync(client, "/openapi.json", patience.Token));
            var study = await File.ReadAllTextAsync(Path.Combine(Repository.Root, Repository.Example), patience.Token);
            using var upload = await client.PostAsync(new Uri("/api/studies", UriKind.Relative),
                new StringContent(study, Encoding.UTF8, "application/yaml"), patience.Token);
            var uploaded = await upload.Content.ReadAsStringAsync(patience.Token);
            Assert.True(upload.StatusCode == HttpStatusCode.Created, $"{name}: {upload.StatusCode} {uploaded}");
            answers.Add(uploaded);
            var id = Id().Match(uploaded).Groups[1].Value;
            using var assess = await client.PostAsync(new Uri($"/api/studies/{id}/assessments?mc=200&seed=1", UriKind.Relative), null, patience.Token);
            var assessed = await assess.Content.ReadAsStringAsync(patience.Token);
            Assert.True(assess.StatusCode == HttpStatusCode.Created, $"{name}: {assess.StatusCode} {assessed}");
            var assessment = Id().Match(assessed).Groups[1].Value;
            answers.Add(await GetAsync(client, $"/api/assessments/{assessment}", patience.Token));
            answers.Add(await GetAsync(client, $"/api/assessments/{assessment}/report.md", patience.Token));
            answers.Add(await GetAsync(client, "/api/runs", patience.Token));
            answers.Add(await GetAsync(client, "/studies", patience.Token));
            var metrics = await GetAsync(client, "/metrics", patience.Token);
            Assert.Contains("cradle_runs_in_progress 0", metrics, StringComparison.Ordinal);

            using var kill = Process.Start("kill", ["-TERM", server.Id.ToString(CultureInfo.InvariantCulture)]);
            await kill.WaitForExitAsync(patience.Token);
            await server.WaitForExitAsync(patience.Token);
            Assert.True(server.ExitCode == 0, $"{name}: exit {server.ExitCode}; {await stderr}");
        }
        finally
        {
            if (!server.HasExited)
            {
                server.Kill(entireProcessTree: true);
            }
        }
        return [.. answers.Select(a => Masked().Replace(a.Replace(store, "STORE", StringComparison.Ordinal), "MASKED"))];
    }

    private static async Task<string> GetAsync(HttpClient client, string path, CancellationToken cancel)
    {
        using var answer = await client.GetAsync(new Uri(path, UriKind.Relative), cancel);
        var body = await answer.Content.ReadAsStringAsync(cancel);
        Assert.True(answer.IsSuccessStatusCode, $"{path}: {answer.StatusCode} {body}");
        return $"{path}\n{body}";
    }

    [GeneratedRegex(@"http://127\.0\.0\.1:\d+")]
    private static partial Regex Address();

    [GeneratedRegex("\"id\": \"([^\"]+)\"")]
    private static partial Regex Id();

    // Ids (date-time-random), times (ISO 8601) and durations differ between the two servers; nothing else may.
    [GeneratedRegex(@"\b[0-9]{8}-[0-9]{6}-[0-9a-f]{6}\b|\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?")]
    private static partial Regex Masked();
}
