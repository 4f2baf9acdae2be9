namespace Cradle.Store.Tests;

/// <summary>Idle baselines and sensors that gave no figure: part of the contract every adapter meets.</summary>
public abstract partial class RunStoreContract
{
    private static readonly Sensor NoGpu = new("gpu", "nvml-gpu", "NVIDIA GPUs", SensorProvenance.Unavailable,
        "unavailable: NVML library not found (no NVIDIA driver)");

    [Fact]
    public void An_idle_baseline_reads_back_with_its_power_and_net_energy()
    {
        var store = Store();
        Liveness.Alive.Add(4242);
        var run = store.CreateRun(Runs.New());

        store.SetIdleBaseline(run.Id, [new("rapl:package-0", TimeSpan.FromSeconds(10), 250.0), new("gpu0", TimeSpan.FromSeconds(10), 620.0)]);
        store.FinishRun(run.Id, RunStatus.Complete, 0);

        var idle = Store().GetIdleBaseline(run.Id);
        Assert.Equal(["gpu0", "rapl:package-0"], idle.Select(i => i.SensorId));
        var gpu = idle[0];
        Assert.Equal(TimeSpan.FromSeconds(10), gpu.Duration);
        // 620 J over 10 s = 62 W; a 30 s run that drew 9,000 J is 9,000 − 62 × 30 = 7,140 J net of idle.
        Assert.Equal(62.0, gpu.PowerWatts, 12);
        Assert.Equal(7140.0, gpu.Net(9000.0, TimeSpan.FromSeconds(30)), 9);
    }

    [Fact]
    public void A_run_without_a_baseline_has_an_empty_one_and_a_missing_run_is_an_error()
    {
        var store = Store();
        Liveness.Alive.Add(4242);
        var run = store.CreateRun(Runs.New());

        Assert.Empty(store.GetIdleBaseline(run.Id));
        Assert.Throws<RunNotFoundException>(() => store.GetIdleBaseline("no-such-run"));
    }

    [Fact]
    public void A_baseline_is_stored_once_all_or_nothing_and_only_while_the_run_is_running()
    {
        var store = Store();
        Liveness.Alive.Add(4242);
        var run = store.CreateRun(Runs.New());

        Assert.Throws<ArgumentException>(() => store.SetIdleBaseline(run.Id,
            [new("gpu0", TimeSpan.FromSeconds(5), 100.0), new("gpu0", TimeSpan.FromSeconds(5), 100.0)]));
        Assert.Throws<ArgumentException>(() => store.SetIdleBaseline(run.Id,
            [new("gpu0", TimeSpan.FromSeconds(5), 100.0), new("cpu", TimeSpan.FromSeconds(5), double.NaN)]));
        Assert.Throws<ArgumentException>(() => store.SetIdleBaseline(run.Id, [new("gpu0", TimeSpan.Zero, 1.0)]));
        Assert.Empty(store.GetIdleBaseline(run.Id));

        store.SetIdleBaseline(run.Id, [new("gpu0", TimeSpan.FromSeconds(5), 100.0)]);
        var again = Assert.Throws<StoreException>(() => store.SetIdleBaseline(run.Id, [new("cpu", TimeSpan.FromSeconds(5), 1.0)]));
        Assert.Equal("duplicate-idle", again.Code);

        store.FinishRun(run.Id, RunStatus.Complete, 0);
        var other = store.CreateRun(Runs.New());
        store.FinishRun(other.Id, RunStatus.Complete, 0);
        Assert.Throws<RunNotWritableException>(() => store.SetIdleBaseline(other.Id, [new("gpu0", TimeSpan.FromSeconds(5), 1.0)]));
        Assert.Single(store.GetIdleBaseline(run.Id));
    }

    [Fact]
    public void Deleting_a_run_deletes_its_baseline()
    {
        var store = Store();
        Liveness.Alive.Add(4242);
        var run = store.CreateRun(Runs.New("with-idle"));
        store.SetIdleBaseline(run.Id, [new("gpu0", TimeSpan.FromSeconds(5), 100.0)]);
        store.FinishRun(run.Id, RunStatus.Complete, 0);

        store.DeleteRun(run.Id);

        var reused = store.CreateRun(Runs.New("with-idle"));
        Assert.Empty(store.GetIdleBaseline(reused.Id));
    }

    [Fact]
    public void A_sensor_that_gave_no_figure_reads_back_as_unavailable()
    {
        var store = Store();
        Liveness.Alive.Add(4242);
        var run = store.CreateRun(Runs.New());

        store.AddSensors(run.Id, [NoGpu, Gpu, Cpu]);

        var sensors = Store().GetSensors(run.Id).ToDictionary(s => s.Id);
        Assert.Equal(SensorProvenance.Unavailable, sensors["gpu"].Provenance);
        Assert.Equal(NoGpu, sensors["gpu"]);
        Assert.Equal(SensorProvenance.Measured, sensors["gpu0"].Provenance);
        Assert.Equal(SensorProvenance.Modelled, sensors["cpu"].Provenance);
    }

    [Fact]
    public void A_request_count_is_recorded_while_running_and_refused_after()
    {
        var store = Store();
        Liveness.Alive.Add(4242);
        var run = store.CreateRun(Runs.New());

        Assert.Throws<ArgumentOutOfRangeException>(() => store.SetRequestCount(run.Id, 0));
        Assert.Equal(250, store.SetRequestCount(run.Id, 250).Inference.Requests);
        Assert.Equal(300, store.SetRequestCount(run.Id, 300).Inference.Requests);
        store.FinishRun(run.Id, RunStatus.Complete, 0);

        Assert.Throws<RunNotWritableException>(() => store.SetRequestCount(run.Id, 1));
        Assert.Equal(300, Store().FindRun(run.Id)!.Inference.Requests);
        Assert.Throws<RunNotFoundException>(() => store.SetRequestCount("no-such-run", 1));
    }
}
