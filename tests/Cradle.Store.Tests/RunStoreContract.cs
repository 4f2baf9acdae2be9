namespace Cradle.Store.Tests;

/// <summary>
/// What every <see cref="IRunStore"/> adapter must do. An adapter's test class derives from this and says how to open
/// its store; <see cref="OpenStore"/> called twice must give two independent connections to the same store.
/// </summary>
public abstract partial class RunStoreContract : IDisposable
{
    protected static readonly DateTimeOffset T0 = new(2026, 3, 14, 9, 15, 2, TimeSpan.Zero);

    private readonly List<IRunStore> opened = [];

    internal ManualClock Clock { get; } = new(T0);

    internal FakeLiveness Liveness { get; } = new();

    /// <summary>Opens (a new connection to) the store under test.</summary>
    protected abstract IRunStore OpenStore(TimeProvider time, IProcessLiveness liveness);

    protected IRunStore Store()
    {
        var store = OpenStore(Clock, Liveness);
        opened.Add(store);
        return store;
    }

    public virtual void Dispose()
    {
        foreach (var store in opened)
        {
            store.Dispose();
        }

        GC.SuppressFinalize(this);
    }

    private static readonly Sensor Gpu = new("gpu0", "nvml-gpu", "NVIDIA H100 80GB HBM3 #0", SensorProvenance.Measured, "NVML total-energy counter");

    private static readonly Sensor Cpu = new("cpu", "modelled-cpu", "Xeon 8480", SensorProvenance.Modelled,
        "modelled: process CPU time × TDP of Xeon 8480 from catalog (RAPL unreadable: permission denied)");

    [Fact]
    public void A_run_reads_back_exactly_as_written_with_its_nulls()
    {
        var store = Store();
        Liveness.Alive.Add(4242);
        var run = store.CreateRun(Runs.New("llama-fp16") with
        {
            SiteId = "aws-eu-west-1",
            Inference = new InferenceMetadata(1000, "llama-3-8b", 8.03e9, "fp16", "text-generation"),
        });
        store.AddSensors(run.Id, [Gpu, Cpu]);
        store.AppendSamples(
        [
            new(run.Id, "gpu0", 0.1, 0.0, 71.5, 34.0, 0.0),
            new(run.Id, "cpu", 0.1, 0.0, null, null, null),
        ]);
        store.AppendSamples(
        [
            new(run.Id, "gpu0", 1.1, 312.25, 305.5, 61.25, 0.97),
            new(run.Id, "cpu", 1.1, 41.0, 41.0, null, 0.5),
        ]);
        Clock.Advance(TimeSpan.FromSeconds(1.5));
        var finished = store.FinishRun(run.Id, RunStatus.Complete, 0);

        var expected = new Run(run.Id, "llama-fp16", "python infer.py --n 100", FakeLiveness.LocalHost, "/home/ada/bench",
            T0, T0.AddSeconds(1.5), RunStatus.Complete, 0, 4242, "aws-eu-west-1",
            new InferenceMetadata(1000, "llama-3-8b", 8.03e9, "fp16", "text-generation"));
        Assert.Equal(expected, finished);
        Assert.Equal(expected, store.FindRun(run.Id));
        Assert.Equal(expected, store.FindRun("llama-fp16"));
        Assert.Equal([Cpu, Gpu], store.GetSensors(run.Id)); // ordered by id: "cpu" < "gpu0"
        Assert.Equal(
        [
            new Sample(run.Id, "cpu", 0.1, 0.0, null, null, null),
            new Sample(run.Id, "gpu0", 0.1, 0.0, 71.5, 34.0, 0.0),
            new Sample(run.Id, "cpu", 1.1, 41.0, 41.0, null, 0.5),
            new Sample(run.Id, "gpu0", 1.1, 312.25, 305.5, 61.25, 0.97),
        ], store.GetSamples(run.Id));
    }

    [Fact]
    public void A_new_run_is_running_from_the_clock_with_a_sortable_id_and_no_metadata()
    {
        var store = Store();
        Liveness.Alive.Add(4242);
        var run = store.CreateRun(Runs.New());
        Assert.Equal(RunStatus.Running, run.Status);
        Assert.Equal(T0, run.StartedUtc);
        Assert.Null(run.EndedUtc);
        Assert.Null(run.ExitCode);
        Assert.Null(run.Name);
        Assert.Equal(InferenceMetadata.None, run.Inference);
        Assert.Matches("^20260314-091502-[0-9a-f]{6}$", run.Id);
        Assert.Empty(store.GetSamples(run.Id));
    }

    [Fact]
    public void Runs_are_listed_newest_first_and_filtered()
    {
        var store = Store();
        Liveness.Alive.UnionWith([1, 2, 3, 4]);
        var a = store.CreateRun(Runs.New(pid: 1, model: "phi-2"));
        Clock.Advance(TimeSpan.FromMinutes(1));
        var b = store.CreateRun(Runs.New(pid: 2, host: "other-host", model: "llama"));
        Clock.Advance(TimeSpan.FromMinutes(1));
        var c = store.CreateRun(Runs.New(pid: 3, model: "phi-2"));
        Clock.Advance(TimeSpan.FromMinutes(1));
        var d = store.CreateRun(Runs.New(pid: 4));
        store.FinishRun(a.Id, RunStatus.Complete, 0);
        store.FinishRun(c.Id, RunStatus.Failed, null);
        Liveness.Alive.Remove(4); // d's writer died: reads as interrupted

        string[] Ids(RunFilter f) => [.. store.ListRuns(f).Select(r => r.Id)];
        Assert.Equal([d.Id, c.Id, b.Id, a.Id], Ids(RunFilter.All));
        Assert.Equal([d.Id, c.Id], Ids(new RunFilter(Limit: 2)));
        Assert.Equal([c.Id, a.Id], Ids(new RunFilter(Model: "phi-2")));
        Assert.Equal([b.Id], Ids(new RunFilter(Host: "other-host")));
        Assert.Equal([a.Id], Ids(new RunFilter(Status: RunStatus.Complete)));
        Assert.Equal([c.Id], Ids(new RunFilter(Status: RunStatus.Failed)));
        Assert.Equal([b.Id], Ids(new RunFilter(Status: RunStatus.Running)));
        Assert.Equal([d.Id], Ids(new RunFilter(Status: RunStatus.Interrupted)));
        // b started at T0+1 min, c at T0+2 min: [T0+1 min, T0+2 min) holds b only.
        Assert.Equal([b.Id], Ids(new RunFilter(StartedFromUtc: T0.AddMinutes(1), StartedBeforeUtc: T0.AddMinutes(2))));
        Assert.Equal([c.Id], Ids(new RunFilter(Status: RunStatus.Failed, Model: "phi-2", Limit: 1)));
        Assert.Throws<ArgumentException>(() => store.ListRuns(new RunFilter(Limit: 0)));
    }

    [Fact]
    public void A_running_run_whose_writer_died_reads_as_interrupted_ending_at_its_last_sample()
    {
        var store = Store();
        Liveness.Alive.Add(4242);
        var run = store.CreateRun(Runs.New());
        store.AddSensors(run.Id, [Gpu]);
        store.AppendSamples([new(run.Id, "gpu0", 0.5, 10, 20, null, null), new(run.Id, "gpu0", 2.25, 55, 20, null, null)]);
        Assert.Equal(RunStatus.Running, store.FindRun(run.Id)!.Status);

        Liveness.Alive.Remove(4242);
        var read = store.FindRun(run.Id)!;
        Assert.Equal(RunStatus.Interrupted, read.Status);
        Assert.Equal(T0.AddSeconds(2.25), read.EndedUtc); // start + last flushed offset (2.25 s)
        Assert.Null(read.ExitCode);
        Assert.Equal(2, store.GetSamples(run.Id).Count); // the flushed samples are kept
    }

    [Fact]
    public void A_run_written_on_another_host_stays_running_because_it_cannot_be_checked()
    {
        var store = Store();
        var run = store.CreateRun(Runs.New(host: "node-17", pid: 99));
        Assert.Equal(RunStatus.Running, store.FindRun(run.Id)!.Status);
        Assert.Empty(store.MarkInterruptedRuns());
    }

    [Fact]
    public void Marking_interrupted_runs_stores_the_status_and_leaves_live_ones_running()
    {
        var store = Store();
        Liveness.Alive.UnionWith([1, 2]);
        var dead = store.CreateRun(Runs.New(pid: 1));
        var live = store.CreateRun(Runs.New(pid: 2));
        var empty = store.CreateRun(Runs.New(pid: 3)); // writer 3 never alive, no samples
        store.AddSensors(dead.Id, [Gpu]);
        store.AppendSamples([new(dead.Id, "gpu0", 3.0, 9.0, null, null, null)]);
        Liveness.Alive.Remove(1);

        var marked = store.MarkInterruptedRuns();

        Assert.Equal(new[] { dead.Id, empty.Id }.Order(StringComparer.Ordinal), marked.Select(r => r.Id).Order(StringComparer.Ordinal));
        Assert.All(marked, r => Assert.Equal(RunStatus.Interrupted, r.Status));
        Liveness.Alive.UnionWith([1, 3]); // even if the pid comes back (reused), the stored status stays
        Assert.Equal(RunStatus.Interrupted, store.FindRun(dead.Id)!.Status);
        Assert.Equal(T0.AddSeconds(3), store.FindRun(dead.Id)!.EndedUtc);
        Assert.Null(store.FindRun(empty.Id)!.EndedUtc);
        Assert.Equal(RunStatus.Running, store.FindRun(live.Id)!.Status);
        Assert.Throws<RunNotWritableException>(() => store.AppendSamples([new(dead.Id, "gpu0", 4.0, 12.0, null, null, null)]));
    }

    [Fact]
    public void A_second_connection_sees_each_committed_batch_while_the_writer_is_open()
    {
        var writer = Store();
        Liveness.Alive.Add(4242);
        var run = writer.CreateRun(Runs.New());
        writer.AddSensors(run.Id, [Gpu]);
        writer.AppendSamples([new(run.Id, "gpu0", 1.0, 100, 100, null, null)]);

        var reader = Store();
        Assert.Single(reader.GetSamples(run.Id));
        writer.AppendSamples([new(run.Id, "gpu0", 2.0, 200, 100, null, null)]);
        Assert.Equal([1.0, 2.0], reader.GetSamples(run.Id).Select(s => s.OffsetSeconds));
        Assert.Equal(RunStatus.Running, reader.FindRun(run.Id)!.Status);
        writer.FinishRun(run.Id, RunStatus.Complete, 3);
        Assert.Equal(3, reader.FindRun(run.Id)!.ExitCode);
    }

    [Fact]
    public void Deleting_a_run_removes_its_sensors_and_samples_and_nothing_else()
    {
        var store = Store();
        Liveness.Alive.Add(4242);
        var gone = store.CreateRun(Runs.New("gone"));
        var kept = store.CreateRun(Runs.New("kept"));
        foreach (var id in new[] { gone.Id, kept.Id })
        {
            store.AddSensors(id, [Gpu]);
            store.AppendSamples([new(id, "gpu0", 1.0, 5.0, null, null, null)]);
            store.FinishRun(id, RunStatus.Complete, 0);
        }

        store.DeleteRun(gone.Id);

        Assert.Null(store.FindRun(gone.Id));
        Assert.Throws<RunNotFoundException>(() => store.GetSamples(gone.Id));
        Assert.Throws<RunNotFoundException>(() => store.GetSensors(gone.Id));
        Assert.Throws<RunNotFoundException>(() => store.DeleteRun(gone.Id));
        Assert.Single(store.GetSamples(kept.Id));
        Assert.Single(store.GetSensors(kept.Id));
        // The name is free again.
        Assert.Equal("gone", store.CreateRun(Runs.New("gone")).Name);
    }

    [Fact]
    public void A_run_still_being_written_is_not_deleted()
    {
        var store = Store();
        Liveness.Alive.Add(4242);
        var run = store.CreateRun(Runs.New());
        var e = Assert.Throws<RunNotWritableException>(() => store.DeleteRun(run.Id));
        Assert.Contains("process 4242", e.Message, StringComparison.Ordinal);
        Assert.NotNull(store.FindRun(run.Id));
    }

    [Fact]
    public void Unicode_and_quotes_are_stored_intact()
    {
        var store = Store();
        Liveness.Alive.Add(4242);
        const string name = "Robert'); DROP TABLE runs;-- «λ» 测试 🚀";
        const string command = "python -c \"print('héllo; \\\"world\\\"')\" --tag='a''b' $HOME ; rm -rf /tmp/x";
        var run = store.CreateRun(Runs.New(name) with { CommandLine = command, WorkingDirectory = "/tmp/ünï cödé/'q'" });
        var sensor = new Sensor("gpu'0\"", "nvml-gpu", "GeForce «RTX» 4090 — 显卡", SensorProvenance.Measured, "it's \"NVML\"");
        store.AddSensors(run.Id, [sensor]);
        store.AppendSamples([new(run.Id, sensor.Id, 0, 1, 2, 3, 0.25)]);

        var read = store.FindRun(name)!;
        Assert.Equal(name, read.Name);
        Assert.Equal(command, read.CommandLine);
        Assert.Equal("/tmp/ünï cödé/'q'", read.WorkingDirectory);
        Assert.Equal([sensor], store.GetSensors(run.Id));
        Assert.Equal(sensor.Id, store.GetSamples(run.Id).Single().SensorId);
        Assert.Single(store.ListRuns(RunFilter.All));
    }

    [Fact]
    public void A_duplicate_name_is_refused_naming_the_run_that_has_it()
    {
        var store = Store();
        var first = store.CreateRun(Runs.New("baseline"));
        var e = Assert.Throws<DuplicateRunNameException>(() => store.CreateRun(Runs.New("baseline")));
        Assert.Equal(first.Id, e.ExistingRunId);
        Assert.Contains(first.Id, e.Message, StringComparison.Ordinal);
        Assert.Single(store.ListRuns(RunFilter.All));
        // Unnamed runs do not clash with each other.
        store.CreateRun(Runs.New());
        store.CreateRun(Runs.New());
        Assert.Equal(3, store.ListRuns(RunFilter.All).Count);
    }

    [Fact]
    public void Samples_for_a_finished_or_missing_run_are_refused()
    {
        var store = Store();
        Liveness.Alive.Add(4242);
        var run = store.CreateRun(Runs.New());
        store.AddSensors(run.Id, [Gpu]);
        store.FinishRun(run.Id, RunStatus.Complete, 0);

        var finished = Assert.Throws<RunNotWritableException>(() => store.AppendSamples([new(run.Id, "gpu0", 1, 1, null, null, null)]));
        Assert.Equal(RunStatus.Complete, finished.Status);
        Assert.Empty(store.GetSamples(run.Id));
        var missing = Assert.Throws<RunNotFoundException>(() => store.AppendSamples([new("nope", "gpu0", 1, 1, null, null, null)]));
        Assert.Equal("nope", missing.RunId);
        Assert.Throws<RunNotWritableException>(() => store.AddSensors(run.Id, [Cpu]));
        Assert.Throws<RunNotWritableException>(() => store.FinishRun(run.Id, RunStatus.Failed, 1));
        Assert.Throws<RunNotFoundException>(() => store.FinishRun("nope", RunStatus.Complete, 0));
        Assert.Throws<ArgumentException>(() => store.FinishRun(run.Id, RunStatus.Running, null));
    }

    [Fact]
    public void A_batch_with_one_bad_sample_stores_none_of_it()
    {
        var store = Store();
        Liveness.Alive.Add(4242);
        var run = store.CreateRun(Runs.New());
        store.AddSensors(run.Id, [Gpu]);
        store.AppendSamples([new(run.Id, "gpu0", 1, 1, null, null, null)]);

        var unknown = Assert.Throws<StoreException>(() => store.AppendSamples(
            [new(run.Id, "gpu0", 2, 2, null, null, null), new(run.Id, "gpu9", 2, 2, null, null, null)]));
        Assert.Equal("unknown-sensor", unknown.Code);
        Assert.Contains("gpu9", unknown.Message, StringComparison.Ordinal);
        var duplicate = Assert.Throws<StoreException>(() => store.AppendSamples(
            [new(run.Id, "gpu0", 3, 3, null, null, null), new(run.Id, "gpu0", 1, 1, null, null, null)]));
        Assert.Equal("duplicate-sample", duplicate.Code);

        Assert.Equal([1.0], store.GetSamples(run.Id).Select(s => s.OffsetSeconds));
    }

    [Theory]
    [InlineData(-1.0, null, null, null)]     // negative energy
    [InlineData(null, double.NaN, null, null)] // NaN power
    [InlineData(null, null, double.PositiveInfinity, null)]
    [InlineData(null, null, null, 1.5)]      // utilisation above 1
    [InlineData(null, null, null, -0.01)]    // utilisation below 0
    public void Figures_out_of_range_are_refused_not_clamped(double? energyJ, double? powerW, double? temperatureC, double? utilisation)
    {
        var store = Store();
        Liveness.Alive.Add(4242);
        var run = store.CreateRun(Runs.New());
        store.AddSensors(run.Id, [Gpu]);
        Assert.Throws<ArgumentException>(() => store.AppendSamples([new(run.Id, "gpu0", 1, energyJ, powerW, temperatureC, utilisation)]));
        Assert.Throws<ArgumentException>(() => store.AppendSamples([new(run.Id, "gpu0", -1, null, null, null, null)]));
        Assert.Empty(store.GetSamples(run.Id));
    }

    [Fact]
    public void Sensors_are_added_all_or_none()
    {
        var store = Store();
        Liveness.Alive.Add(4242);
        var run = store.CreateRun(Runs.New());
        store.AddSensors(run.Id, [Gpu]);
        var e = Assert.Throws<StoreException>(() => store.AddSensors(run.Id, [Cpu, Gpu]));
        Assert.Equal("duplicate-sensor", e.Code);
        Assert.Equal([Gpu], store.GetSensors(run.Id));
        Assert.Throws<ArgumentException>(() => store.AddSensors(run.Id, [Cpu with { Description = " " }]));
        Assert.Throws<RunNotFoundException>(() => store.AddSensors("nope", [Cpu]));
    }
}
