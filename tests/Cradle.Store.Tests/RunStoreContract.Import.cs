namespace Cradle.Store.Tests;

/// <summary>Imported runs and batch jobs: every adapter stores a whole import or nothing.</summary>
public abstract partial class RunStoreContract
{
    // One total for the 8 GPUs CodeCarbon tracked: a sensor covering 8 devices (schema 4), read back as written.
    private static readonly Sensor ImportedGpu = new("gpu", "codecarbon-gpu", "8 x NVIDIA A100-SXM4-40GB", SensorProvenance.Measured,
        "measured by CodeCarbon 2.3.1 (NVML energy counter)") { Devices = 8 };

    private static readonly Sensor ImportedCpu = new("cpu", "codecarbon-cpu", "AMD EPYC 7763", SensorProvenance.Modelled,
        "modelled by CodeCarbon 2.3.1: constant 50 % of TDP (RAPL unavailable)");

    private static ImportedRun Imported(string origin, string? name = null, string? job = null) => new(
        Runs.New(name, pid: 1) with { CommandLine = "codecarbon project 'peft'", JobId = job },
        T0.AddDays(-30), T0.AddDays(-30).AddSeconds(3600), RunStatus.Complete, null, origin,
        [ImportedGpu, ImportedCpu],
        [
            new("gpu", 0, 0.0),
            new("cpu", 0, 0.0),
            new("gpu", 3600, 1.8e6, 500.0),
            new("cpu", 3600, 2.7e5),
        ]);

    [Fact]
    public void An_imported_run_keeps_its_own_times_sensors_samples_and_origin()
    {
        var store = Store();
        var run = Assert.Single(store.ImportRuns([Imported("codecarbon 2.3.1: emissions.csv line 2", name: "peft-1", job: "4711")]));

        Assert.Equal(RunStatus.Complete, run.Status);
        Assert.Equal(T0.AddDays(-30), run.StartedUtc);
        Assert.Equal(T0.AddDays(-30).AddSeconds(3600), run.EndedUtc);
        Assert.Equal("codecarbon 2.3.1: emissions.csv line 2", run.Origin);
        Assert.True(run.IsImported);
        Assert.Equal("4711", run.JobId);
        Assert.Equal(0, run.WriterProcessId); // no process of this store wrote it
        Assert.Matches("^20260212-091502-[0-9a-f]{6}$", run.Id); // the id sorts by the run's own start
        Assert.Equal(run, store.FindRun("peft-1"));
        Assert.Equal([ImportedCpu, ImportedGpu], store.GetSensors(run.Id));
        Assert.Equal(
        [
            new Sample(run.Id, "cpu", 0, 0.0, null, null, null),
            new Sample(run.Id, "gpu", 0, 0.0, null, null, null),
            new Sample(run.Id, "cpu", 3600, 2.7e5, null, null, null),
            new Sample(run.Id, "gpu", 3600, 1.8e6, 500.0, null, null),
        ], store.GetSamples(run.Id));
        // Finished: it never changes afterwards.
        Assert.Throws<RunNotWritableException>(() => store.AppendSamples([new Sample(run.Id, "gpu", 7200, 2e6, null, null, null)]));
    }

    [Fact]
    public void An_import_is_all_or_nothing()
    {
        var store = Store();
        store.ImportRuns([Imported("file-a line 2")]);

        // The second run repeats an origin already stored: neither run of this call is stored.
        var again = Assert.Throws<StoreException>(() => store.ImportRuns([Imported("file-b line 2"), Imported("file-a line 2")]));
        Assert.Equal("already-imported", again.Code);
        Assert.Single(store.ListRuns(RunFilter.All));

        // A sample naming a sensor the run does not have is refused before anything is written.
        var bad = Imported("file-c line 2") with { Samples = [new("ram", 1, 5.0)] };
        Assert.Throws<ArgumentException>(() => store.ImportRuns([Imported("file-c line 3"), bad]));
        Assert.Single(store.ListRuns(RunFilter.All));

        // A sensor covering no device, running runs, repeated origins in one call and names already used are refused too.
        Assert.Throws<ArgumentException>(() => store.ImportRuns([Imported("file-c2") with { Sensors = [ImportedGpu with { Devices = 0 }, ImportedCpu] }]));
        Assert.Throws<ArgumentException>(() => store.ImportRuns([Imported("file-d") with { Status = RunStatus.Running }]));
        Assert.Throws<ArgumentException>(() => store.ImportRuns([Imported("file-e"), Imported("file-e")]));
        store.ImportRuns([Imported("file-f", name: "taken")]);
        Assert.Throws<DuplicateRunNameException>(() => store.ImportRuns([Imported("file-g"), Imported("file-h", name: "taken")]));
        Assert.Equal(2, store.ListRuns(RunFilter.All).Count);
    }

    [Fact]
    public void Runs_of_one_batch_job_are_listed_together()
    {
        var store = Store();
        Liveness.Alive.UnionWith([1, 2, 3]);
        var node1 = store.CreateRun(Runs.New(pid: 1, host: "node-1") with { JobId = "812" });
        var node2 = store.CreateRun(Runs.New(pid: 2, host: "node-2") with { JobId = "812" });
        store.CreateRun(Runs.New(pid: 3, host: "node-3") with { JobId = "813" });
        store.CreateRun(Runs.New(pid: 3));

        Assert.Equal(["node-1", "node-2"], store.ListRuns(new RunFilter(JobId: "812")).Select(r => r.Host).Order(StringComparer.Ordinal));
        Assert.Equal("812", store.FindRun(node1.Id)!.JobId);
        Assert.Null(store.FindRun(node2.Id)!.Origin);
        Assert.Throws<ArgumentException>(() => store.CreateRun(Runs.New() with { JobId = " " }));
    }
}
