using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Cradle.ServeLoad;

// Usage: Cradle.ServeLoad CRADLE(.dll|binary) [--writers N] [--readers M] [--seconds T] [--store PATH|URI]
// Starts 'cradle serve' on a free loopback port over the store, N 'cradle measure -- sleep T' writers, M readers and
// one Prometheus-like scraper (/metrics once a second) for T seconds; then checks that every sample each writer says it wrote is in the store, and prints the latencies.
if (args.Length == 0)
{
    Console.Error.WriteLine("usage: Cradle.ServeLoad CRADLE [--writers N] [--readers M] [--seconds T] [--store PATH|URI]");
    return 2;
}
var cradle = new CradleCommand(Path.GetFullPath(args[0]));
int Option(string name, int fallback) =>
    Array.IndexOf(args, name) is var at and >= 0 ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
var writers = Option("--writers", 8);
var readers = Option("--readers", 8);
var seconds = Option("--seconds", 30);
var folder = Directory.CreateTempSubdirectory("cradle-load-");
var store = Array.IndexOf(args, "--store") is var s and >= 0 ? args[s + 1] : Path.Combine(folder.FullName, "runs.db");

using var serve = Process.Start(cradle.Start("serve", "--store", store, "--urls", "http://127.0.0.1:0"))!;
var line = await serve.StandardOutput.ReadLineAsync() ?? "";
var address = Regex.Match(line, @"http://127\.0\.0\.1:\d+");
if (!address.Success)
{
    Console.Error.WriteLine($"cradle serve did not start: {line} {await serve.StandardError.ReadToEndAsync()}");
    return 1;
}
Console.WriteLine($"server {address.Value}, store {store}: {writers} writers, {readers} readers, {seconds} s");

var measures = new List<(string Name, Process Process, Task<string> Output)>();
for (var i = 0; i < writers; i++)
{
    var name = $"load-{i}-{Guid.NewGuid():N}"[..16];
    var process = Process.Start(cradle.Start("measure", "--store", store, "--name", name, "--format", "json", "--", "sleep",
        seconds.ToString(CultureInfo.InvariantCulture)))!;
    _ = process.StandardError.ReadToEndAsync();
    measures.Add((name, process, process.StandardOutput.ReadToEndAsync()));
}

var log = new LatencyLog();
using var client = new HttpClient { BaseAddress = new Uri(address.Value), Timeout = TimeSpan.FromSeconds(60) };
using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
var clock = Stopwatch.StartNew();
await Task.WhenAll(Enumerable.Range(0, readers).Select(i => Task.Run(() => new Reader(client, log, i).RunAsync(stop.Token)))
    .Append(Task.Run(() => new Reader(client, log, -1).ScrapeAsync(TimeSpan.FromSeconds(1), stop.Token))));
var elapsed = clock.Elapsed;

// Nothing lost: each writer's own count of the samples it wrote, sensor by sensor, is what the server reads back.
var lost = new List<string>();
var stored = 0L;
foreach (var (name, process, output) in measures)
{
    await process.WaitForExitAsync();
    using var summary = JsonDocument.Parse(await output);
    using var run = JsonDocument.Parse(await client.GetStringAsync(new Uri($"/api/runs/{name}", UriKind.Relative)));
    var served = run.RootElement.GetProperty("sensors").EnumerateArray()
        .ToDictionary(x => x.GetProperty("id").GetString()!, x => x.GetProperty("samples").GetInt64(), StringComparer.Ordinal);
    foreach (var sensor in summary.RootElement.GetProperty("sensors").EnumerateArray())
    {
        var id = sensor.GetProperty("id").GetString()!;
        var written = sensor.GetProperty("samples").GetInt64();
        stored += served.GetValueOrDefault(id);
        if (served.GetValueOrDefault(id, -1) != written)
        {
            lost.Add($"{name}/{id}: wrote {written}, store has {served.GetValueOrDefault(id, -1)}");
        }
    }
}
serve.Kill();
await serve.WaitForExitAsync();

Console.WriteLine(log.Table(elapsed));
Console.WriteLine(lost.Count == 0 ? $"nothing lost: {stored} samples of {writers} runs, each as its writer counted it." : "LOST:\n" + string.Join('\n', lost));
foreach (var failure in log.Failures.Take(10))
{
    Console.WriteLine("failed: " + failure);
}
if (Array.IndexOf(args, "--store") < 0)
{
    folder.Delete(recursive: true);
}
return lost.Count == 0 && log.Failures.Count == 0 ? 0 : 1;
