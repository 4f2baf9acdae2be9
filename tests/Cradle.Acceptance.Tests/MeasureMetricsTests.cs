using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Cradle.Cli;
using Cradle.Server.Tests;
using Cradle.Store;

namespace Cradle.Acceptance.Tests;

/// <summary>
/// <c>cradle measure --metrics</c> as a real process: scraped while the command runs, its counters parse with
/// Prometheus' own parser and come from the very samples the store keeps; an address it may not or cannot use refuses the
/// whole measurement before the command starts.
/// </summary>
public sealed class MeasureMetricsTests
{
    private const string Announce = "cradle measure: metrics at ";

    /// <summary>A few tenths of a second of one CPU (modelled energy above 0), then 3 s of sleep to scrape in.</summary>
    private static readonly string BurnThenSleep = MeasureSupport.BurnCpu[2] + "; sleep 3";

    [Fact]
    public async Task A_running_measurement_serves_counters_that_match_its_stored_samples()
    {
        using var dir = new TempDirectory();
        var store = dir.File("runs.db");
        using var measure = Start(["measure", "--store", store, .. MeasureSupport.CatalogForThisCpu(dir), "--metrics", "127.0.0.1:0", "--", "sh", "-c", BurnThenSleep]);

        var url = await measure.UrlAsync();
        Assert.Matches(@"^http://127\.0\.0\.1:[1-9][0-9]*/metrics$", url);
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var scrapes = new List<IReadOnlyList<PrometheusSample>>();
        // Scrape while the command runs until a sensor has counted energy (the modelled CPU, after the busy loop; the sampler
        // flushes about once a second), so the figures compared below are not all zero.
        while (scrapes.Count == 0 || !scrapes[^1].Any(s => s.Name == "cradle_measure_energy_joules_total" && s.Value > 0))
        {
            Assert.False(measure.Process.HasExited, "the command ended before a batch was scraped:\n" + measure.Error);
            using var answer = await client.GetAsync(new Uri(url));
            Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
            scrapes.Add(PrometheusText.Parse(await answer.Content.ReadAsStringAsync()));
            await Task.Delay(200);
        }
        await measure.Process.WaitForExitAsync();
        Assert.True(measure.Process.ExitCode == 0, measure.Error);
        // The server stops with the command.
        await Assert.ThrowsAsync<HttpRequestException>(() => client.GetAsync(new Uri(url)));

        var (run, sensors, samples) = MeasureSupport.Read(store, s =>
        {
            var r = Assert.Single(s.ListRuns(RunFilter.All));
            return (r, s.GetSensors(r.Id), s.GetSamples(r.Id));
        });
        var last = scrapes[^1];
        var info = Assert.Single(last, s => s.Name == "cradle_measure_run_info");
        Assert.Equal(1, info.Value);
        Assert.Equal(run.Id, info.Labels["run"]);
        Assert.Equal(run.Host, info.Labels["host"]);
        // The stored start time may be rounded to the millisecond.
        Assert.Equal((run.StartedUtc - DateTimeOffset.UnixEpoch).TotalSeconds, Assert.Single(last, s => s.Name == "cradle_measure_start_time_seconds").Value, 0.001);
        Assert.InRange(last.Single(s => s.Name == "cradle_measure_samples_written_total").Value, 1, samples.Count);

        var energies = scrapes.SelectMany(s => s).Where(s => s.Name == "cradle_measure_energy_joules_total").ToList();
        Assert.Contains(energies, e => e.Value > 0);
        foreach (var energy in energies)
        {
            // Labelled as the store records the sensor, and equal to one of its stored cumulative figures (same samples).
            var sensor = Assert.Single(sensors, x => x.Id == energy.Labels["sensor"]);
            Assert.Equal(sensor.Kind, energy.Labels["kind"]);
            Assert.Equal(sensor.Device, energy.Labels["device"]);
            Assert.Equal(sensor.Provenance.ToString().ToLowerInvariant(), energy.Labels["provenance"]);
            Assert.Contains(samples, x => x.SensorId == sensor.Id && x.EnergyJoules == energy.Value);
        }
        foreach (var (series, figure) in new (string, Func<Sample, double?>)[]
            { ("cradle_measure_power_watts", x => x.PowerWatts), ("cradle_measure_temperature_celsius", x => x.TemperatureCelsius) })
        {
            foreach (var scraped in scrapes.SelectMany(s => s).Where(s => s.Name == series))
            {
                Assert.Contains(samples, x => x.SensorId == scraped.Labels["sensor"] && figure(x) == scraped.Value);
            }
        }
    }

    [Fact]
    public async Task A_public_address_without_a_token_is_refused_and_nothing_runs()
    {
        using var dir = new TempDirectory();
        var marker = dir.File("ran");
        using var measure = Start(["measure", "--store", dir.File("runs.db"), "--metrics", "0.0.0.0:0", "--", "touch", marker]);
        await measure.Process.WaitForExitAsync();

        Assert.Equal(ExitCodes.InvalidInput, measure.Process.ExitCode);
        Assert.Contains("--metrics-token", measure.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(marker), "the command ran");
        Assert.False(File.Exists(dir.File("runs.db")), "a run was stored");
    }

    [Fact]
    public async Task A_taken_port_is_refused_before_the_command_starts()
    {
        using var dir = new TempDirectory();
        var marker = dir.File("ran");
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;
        using var measure = Start(["measure", "--store", dir.File("runs.db"), "--metrics", $"127.0.0.1:{port}", "--", "touch", marker]);
        await measure.Process.WaitForExitAsync();

        Assert.Equal(ExitCodes.Environment, measure.Process.ExitCode);
        Assert.Contains("cannot listen", measure.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(marker), "the command ran");
    }

    /// <summary>Starts the built cradle.dll with <c>dotnet</c>, without any token in its environment.</summary>
    private static Measurement Start(string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(typeof(CradleApp).Assembly.Location);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        start.Environment.Remove("CRADLE_SERVE_TOKEN");
        return new Measurement(Process.Start(start)!);
    }

    /// <summary>A running <c>cradle measure</c> whose standard error is read line by line as it comes.</summary>
    private sealed class Measurement : IDisposable
    {
        private readonly System.Text.StringBuilder _error = new();
        private readonly TaskCompletionSource<string> _url = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Measurement(Process process)
        {
            Process = process;
            process.ErrorDataReceived += (_, line) =>
            {
                if (line.Data is null)
                {
                    _url.TrySetException(new InvalidOperationException("no metrics address on standard error:\n" + Error));
                    return;
                }
                lock (_error)
                {
                    _error.AppendLine(line.Data);
                }
                if (line.Data.StartsWith(Announce, StringComparison.Ordinal))
                {
                    _url.TrySetResult(line.Data[Announce.Length..]);
                }
            };
            process.OutputDataReceived += (_, _) => { };
            process.BeginErrorReadLine();
            process.BeginOutputReadLine();
        }

        public Process Process { get; }

        public string Error
        {
            get
            {
                lock (_error)
                {
                    return _error.ToString();
                }
            }
        }

        /// <summary>The scrape URL the measurement printed.</summary>
        public Task<string> UrlAsync() => _url.Task.WaitAsync(TimeSpan.FromSeconds(60));

        public void Dispose()
        {
            if (!Process.HasExited)
            {
                Process.Kill(entireProcessTree: true);
            }
            Process.Dispose();
        }
    }
}
