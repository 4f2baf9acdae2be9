using Cradle.Import.Slurm;
using Cradle.Store;

namespace Cradle.Import.Tests.Slurm;

/// <summary>Totals of three real files, against sums worked out by hand from the files' lines.</summary>
public sealed class SlurmTotalsTests
{
    private static double Energy(ImportedRun run, string sensorPrefix) =>
        run.Samples.Where(s => s.SensorId.StartsWith(sensorPrefix, StringComparison.Ordinal) && s.OffsetSeconds > 0).Sum(s => s.EnergyJoules ?? 0);

    [Fact]
    public void Triton_consumed_energy_is_measured_and_summed_per_job_not_per_step()
    {
        var result = SlurmData.Read("slurm2sql_triton_sacct_test-data1.txt", SlurmData.Options);
        Assert.Empty(result.Skipped);
        // Job lines 2 and 5 carry ConsumedEnergyRaw 54156 and 999 J; the .batch and .0 step lines (3, 4, 6) carry none
        // and are counted, not added: 54156 + 999 = 55155 J.
        Assert.Equal([54156.0, 999.0], result.Runs.Select(r => Energy(r, "slurm-energy")));
        Assert.Equal(55155.0, result.Jobs.Sum(j => j.EnergyJoules!.Value));
        Assert.Equal([2, 1], result.Jobs.Select(j => j.Steps));
        // CPU-hours: 2 CPUs × 03:33:25 (12805 s) = 25610 s = 7.11389 h; 1 CPU × 17 s = 0.00472 h.
        Assert.Equal(25610.0 / 3600, result.Jobs[0].CpuHours!.Value, 9);
        Assert.Equal(17.0 / 3600, result.Jobs[1].CpuHours!.Value, 9);
        var run = result.Runs[0];
        var sensor = Assert.Single(run.Sensors);
        Assert.Equal(SensorProvenance.Measured, sensor.Provenance);
        Assert.Contains("measured by Slurm energy accounting (acct_gather_energy; which plugin is unknown", sensor.Description, StringComparison.Ordinal);
        Assert.Contains("column 46 (ConsumedEnergyRaw)", sensor.Description, StringComparison.Ordinal);
        Assert.Equal("slurm sacct: slurm2sql_triton_sacct_test-data1.txt (sha256 cf28d6d81387) line 2 job 43974388", run.Origin);
        Assert.Equal("43974388", run.Run.JobId);
        Assert.Equal("pe2", run.Run.Host);
        Assert.Equal(RunStatus.Interrupted, run.Status); // CANCELLED by 1300204
        Assert.Equal(0, run.ExitCode); // ExitCode 0:0
        Assert.Equal(new DateTimeOffset(2019, 7, 31, 22, 29, 14, TimeSpan.Zero), run.StartedUtc);
        // The second job's End is Unknown: it ends at start + elapsed (00:35:27 + 17 s).
        Assert.Equal(new DateTimeOffset(2019, 8, 1, 0, 35, 44, TimeSpan.Zero), result.Runs[1].EndedUtc);
    }

    [Fact]
    public void A_measured_job_keeps_its_allocated_gpus_for_device_time()
    {
        // The Triton file with 2 A100s written into the first job's AllocTRES (column 50): its energy stays the one
        // measured total, 54156 J, and a sensor without energy covers the 2 GPUs, so device time is
        // 2 × 03:33:25 (12805 s) = 25610 GPU-seconds.
        var lines = File.ReadAllLines(SlurmData.PathOf("slurm2sql_triton_sacct_test-data1.txt"));
        var cells = lines[1].Split('|');
        cells[49] = "billing=2,cpu=2,gres/gpu:a100=2,gres/gpu=2,mem=4G,node=1";
        lines[1] = string.Join('|', cells);
        var result = SlurmImporter.Read("triton-gpu.txt", System.Text.Encoding.UTF8.GetBytes(string.Join('\n', lines) + "\n"), SlurmData.Options);
        var run = result.Runs[0];
        Assert.Equal(54156.0, Energy(run, "slurm-energy"));
        var gpus = Assert.Single(run.Sensors, s => s.Kind == "slurm-allocated-gpu");
        Assert.Equal(2, gpus.Devices);
        Assert.Equal("2 × a100", gpus.Device);
        Assert.DoesNotContain(run.Samples, s => s.SensorId == gpus.Id); // no energy of its own: nothing counted twice
        Assert.Equal(25610.0 / 3600, result.Jobs[0].GpuHours, 9);
    }

    [Fact]
    public void A_named_energy_plugin_is_in_the_measured_label()
    {
        var result = SlurmData.Read("slurm2sql_triton_sacct_test-data1.txt", SlurmData.Options with { EnergyPlugin = "acct_gather_energy/ipmi" });
        Assert.Contains("acct_gather_energy plugin acct_gather_energy/ipmi, as given with --energy-plugin", result.Runs[0].Sensors[0].Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Fox_2024_gpu_hours_and_modelled_energy_match_the_hand_sum()
    {
        var options = SlurmData.Sonar with
        {
            GpuDevices = new Dictionary<string, string> { [""] = "nvidia-a100-pcie-40gb", ["rtx30"] = "nvidia-geforce-rtx-3090" },
        };
        var result = SlurmData.Read("sonar_fox_sacct_2024.txt", options);
        // 29 job lines, all finished; 67 step lines counted into them.
        Assert.Empty(result.Skipped);
        Assert.Equal(29, result.Runs.Count);
        Assert.Equal(67, result.Jobs.Sum(j => j.Steps));
        // GPU jobs (ElapsedRaw, s):
        //  untyped gres/gpu=1 (lines 38-75): 234+256+128+160+155+40+29+148+29+25+23+45 = 1272 s × 250 W (A100 PCIe 40GB) = 318000 J
        //  gres/gpu:rtx30=1 (lines 68, 84, 93): 1389+127+13 = 1529 s × 350 W (RTX 3090) = 535150 J
        //  gres/gpu:a100=1 (line 81): 206 s × 400 W (catalog alias A100 → A100 SXM4 40GB) = 82400 J
        //  GPU-hours: (1272 + 1529 + 206) / 3600 = 3007 / 3600 = 0.835278 h; energy 318000 + 535150 + 82400 = 935550 J.
        Assert.Equal(3007.0 / 3600, result.Jobs.Sum(j => j.GpuHours), 9);
        Assert.Equal(935550.0, result.Runs.Sum(r => Energy(r, "gpu")), 6);
        Assert.Equal(318000.0, result.Runs.Sum(r => Energy(r, "gpu") - Energy(r, "gpu-")), 6);
        Assert.Equal(535150.0, result.Runs.Sum(r => Energy(r, "gpu-rtx30")), 6);
        var a100 = result.Runs.Single(r => r.Run.JobId == "974804");
        var sensor = a100.Sensors.Single(s => s.Id == "gpu-a100");
        Assert.Equal(SensorProvenance.Modelled, sensor.Provenance);
        Assert.Contains("1 allocated GPU(s) × 0.0572 h elapsed × 400 W × utilisation 1", sensor.Description, StringComparison.Ordinal);
        Assert.Contains("nvidia-a100-sxm4-40gb", sensor.Description, StringComparison.Ordinal);
        // Without --cpu the CPUs are unavailable, with their CPU-hours, never 0 J.
        var cpu = a100.Sensors.Single(s => s.Id == "cpu");
        Assert.Equal(SensorProvenance.Unavailable, cpu.Provenance);
        Assert.DoesNotContain(a100.Samples, s => s.SensorId == "cpu");
    }

    [Fact]
    public void Cpu_energy_is_modelled_from_the_catalog_cpu_when_named()
    {
        var result = SlurmData.Read("sonar_fox_sacct_2024.txt", SlurmData.Sonar with
        {
            CpuDevice = "amd-epyc-7742", CpuUtilisation = 0.5,
            GpuDevices = new Dictionary<string, string> { [""] = "nvidia-a100-pcie-40gb", ["rtx30"] = "nvidia-geforce-rtx-3090" },
        });
        // Line 1, job 973821: cpu=6, ElapsedRaw 7164 s; EPYC 7742 225 W over 128 threads = 1.7578125 W per CPU;
        // 6 × 7164 = 42984 CPU-s; × 1.7578125 = 42984 + 42984 × 0.7578125 = 42984 + 32573.8125 = 75557.8125 J; × 0.5 = 37778.90625 J.
        var run = result.Runs[0];
        Assert.Equal(37778.90625, Energy(run, "cpu"), 6);
        Assert.Equal(SensorProvenance.Modelled, run.Sensors.Single(s => s.Id == "cpu").Provenance);
        Assert.Equal("modelled", result.Jobs[0].Provenance);
    }

    [Fact]
    public void Cedar_json_job_with_an_untyped_gpu_is_modelled_with_the_named_device()
    {
        var result = SlurmData.Read("json/clockwork_cedar_sacct-json_slurm21.08.json",
            SlurmData.Options with { GpuDevices = new Dictionary<string, string> { [""] = "nvidia-p100-pcie-16gb" } });
        // Job 10: NODE_FAIL after time.elapsed 20615 s with 1 GPU: 20615 × 250 W = 5153750 J; 20615 / 3600 = 5.72639 GPU-hours.
        var run = Assert.Single(result.Runs);
        Assert.Equal(5153750.0, Energy(run, "gpu"), 6);
        Assert.Equal(20615.0 / 3600, result.Jobs[0].GpuHours, 9);
        Assert.Equal(RunStatus.Interrupted, run.Status);
        // time.end is 0 (unknown): the run ends at time.start + elapsed.
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1680193504 + 20615), run.EndedUtc);
        Assert.Equal("slurm sacct: clockwork_cedar_sacct-json_slurm21.08.json (sha256 70b591298e32) jobs[0] job 10", run.Origin);
        // Job 20 is REQUEUED: not finished, listed, not imported.
        var skipped = Assert.Single(result.Skipped);
        Assert.Equal(("20", "jobs[1].state.current"), (skipped.JobId, skipped.Column));
    }
}
