using System.Diagnostics;
using System.Globalization;
using Cradle.Store.Postgres;

namespace Cradle.Store.Tests;

/// <summary>
/// Eight processes (not threads: each its own connection, pool and process id, as eight nodes of a job) open the same
/// new store at once and write one run each in batches; afterwards every sample of every run is there exactly once.
/// </summary>
public sealed class ConcurrentWriterTests
{
    private const int Writers = 8;
    private const int Offsets = 100; // × 2 sensors = 200 samples per run
    private const int Batch = 10;    // 10 offsets × 2 sensors = 20 samples per AppendSamples, 10 batches per run

    [Fact]
    public async Task Eight_processes_writing_to_one_postgres_database_lose_and_duplicate_nothing()
    {
        using var database = new TempDatabase();
        await WriteAtOnceAsync(database.Uri);
        using var store = RunStores.Open(database.Uri);
        Check(store);
    }

    [Fact]
    public async Task Eight_processes_writing_to_one_sqlite_file_lose_and_duplicate_nothing()
    {
        using var folder = new TempFolder();
        var path = folder.File("runs.db");
        await WriteAtOnceAsync(path);
        using var store = RunStores.Open(path);
        Check(store);
    }

    private static async Task WriteAtOnceAsync(string location)
    {
        var writer = Path.Combine(AppContext.BaseDirectory, "Cradle.Store.Writer.dll");
        var processes = Enumerable.Range(0, Writers).Select(i =>
        {
            var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var arg in new[] { writer, location, Name(i), Offsets.ToString(CultureInfo.InvariantCulture), Batch.ToString(CultureInfo.InvariantCulture) })
            {
                start.ArgumentList.Add(arg);
            }

            return Process.Start(start)!;
        }).ToList();

        // A hang guard only (not a timing assertion): a deadlocked writer must fail the test rather than stall the suite.
        using var guard = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var results = await Task.WhenAll(processes.Select(async p =>
        {
            var output = p.StandardOutput.ReadToEndAsync(guard.Token);
            var error = p.StandardError.ReadToEndAsync(guard.Token);
            await p.WaitForExitAsync(guard.Token);
            return (p.ExitCode, Output: await output, Error: await error);
        }));
        foreach (var p in processes)
        {
            p.Dispose();
        }

        Assert.All(results, r => Assert.True(r.ExitCode == 0, $"a writer exited {r.ExitCode}: {r.Error}"));
    }

    private static string Name(int writer) => "writer-" + writer.ToString(CultureInfo.InvariantCulture);

    private static void Check(IRunStore store)
    {
        var runs = store.ListRuns(RunFilter.All);
        Assert.Equal(Enumerable.Range(0, Writers).Select(Name), runs.Select(r => r.Name!).Order(StringComparer.Ordinal));
        // Every offset 0..99 once per sensor, with the energy its writer gave it: cpu 1 J × t, gpu0 10 J × t.
        var expected = Enumerable.Range(0, Offsets).SelectMany(t => new[] { ("cpu", (double)t, 1.0 * t), ("gpu0", t, 10.0 * t) }).ToList();
        foreach (var run in runs)
        {
            Assert.Equal(RunStatus.Complete, run.Status);
            var samples = store.GetSamples(run.Id);
            Assert.Equal(2 * Offsets, samples.Count);
            Assert.Equal(expected, samples.Select(s => (s.SensorId, s.OffsetSeconds, s.EnergyJoules!.Value)));
        }
    }
}
