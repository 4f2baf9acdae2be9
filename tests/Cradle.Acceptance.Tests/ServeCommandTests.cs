using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using Cradle.Cli;

namespace Cradle.Acceptance.Tests;

/// <summary>`cradle serve` as a user runs it: a real process on a loopback port, answering, and stopping on SIGTERM.</summary>
public sealed partial class ServeCommandTests
{
    [Fact]
    public async Task Serve_listens_on_loopback_answers_and_stops_cleanly_on_sigterm()
    {
        using var dir = new TempDirectory();
        var store = dir.File("runs.db");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { typeof(CradleApp).Assembly.Location, "serve", "--store", store, "--urls", "http://127.0.0.1:0" })
        {
            start.ArgumentList.Add(arg);
        }
        using var cradle = Process.Start(start)!;
        var stderr = cradle.StandardError.ReadToEndAsync();
        try
        {
            // Bounded wait (not a timing assertion) for the line that names the port the system chose.
            using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            var line = await cradle.StandardOutput.ReadLineAsync(patience.Token) ?? "";
            var address = Listening().Match(line);
            Assert.True(address.Success, $"no address in '{line}'; stderr: {(cradle.HasExited ? await stderr : "")}");
            Assert.Contains($"store {store}", line, StringComparison.Ordinal);
            Assert.Contains("no token (loopback only)", line, StringComparison.Ordinal);

            using var client = new HttpClient { BaseAddress = new Uri(address.Value) };
            using var json = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api", UriKind.Relative), patience.Token));
            Assert.Equal(store, json.RootElement.GetProperty("store").GetString());

            using var kill = Process.Start("kill", ["-TERM", cradle.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            await kill.WaitForExitAsync(patience.Token);
            await cradle.WaitForExitAsync(patience.Token);
            Assert.Equal(0, cradle.ExitCode);
            Assert.True(File.Exists(store), "serve creates the store it serves when there is none");
        }
        finally
        {
            if (!cradle.HasExited)
            {
                cradle.Kill(entireProcessTree: true);
            }
        }
    }

    [Theory]
    [InlineData("--urls", "http://0.0.0.0:0")]
    [InlineData("--urls", "http://0.0.0.0:0", "--token", "too-short")]
    [InlineData("--urls", "https://127.0.0.1:0")]
    public async Task Serve_refuses_a_reachable_address_without_a_good_token_and_tls_it_cannot_give(params string[] args)
    {
        using var dir = new TempDirectory();
        var run = await CliRunner.InProcessAsync(["serve", "--store", dir.File("runs.db"), .. args]);
        Assert.Equal(ExitCodes.InvalidInput, run.ExitCode);
        Assert.StartsWith("cradle: ", run.Error, StringComparison.Ordinal);
        Assert.Equal("", run.Output);
    }

    [Fact]
    public async Task Serve_refuses_a_trends_dataset_that_is_not_there()
    {
        using var dir = new TempDirectory();
        var run = await CliRunner.InProcessAsync("serve", "--store", dir.File("runs.db"), "--trends", dir.File("missing.csv"));
        Assert.Equal(ExitCodes.Environment, run.ExitCode);
        Assert.Contains("--trends", run.Error, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"http://127\.0\.0\.1:\d+")]
    private static partial Regex Listening();
}
